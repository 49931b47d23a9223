import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { Hub } from '../../src/main/core/hub/hub';
import type { HubLimits } from '../../src/main/core/hub/hub-state';
import { FakeClock } from './fake-clock';

/** A hub on the fake clock with plain snapshot extras (no alerts, logged out, default settings). */
export function makeTestHub(limits: Partial<HubLimits> = {}): { hub: Hub; clock: FakeClock } {
  const clock = new FakeClock();
  const hub = new Hub({
    clock,
    limits,
    snapshotExtras: () => ({
      alerts: emptyAlertQueueState,
      auth: { provider: 'twitch', status: 'logged-out' },
      overlay: defaultSettings().overlay,
      timeoutPresets: [60],
      highlights: defaultSettings().highlights,
    }),
  });
  return { hub, clock };
}
