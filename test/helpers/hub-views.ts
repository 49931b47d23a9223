import type { ModPush, OverlayPush } from '../../src/shared/api';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { Hub, type HubOptions } from '../../src/main/core/hub/hub';
import { FakeClock } from './fake-clock';

/** A hub on a fake clock with one ready overlay and one ready mod view recording their pushes (after the snapshots). */
export function hubWithViews(options: Partial<HubOptions> = {}) {
  const clock = new FakeClock();
  const hub = new Hub({
    clock,
    snapshotExtras: () => ({
      alerts: emptyAlertQueueState,
      auth: { provider: 'twitch', status: 'logged-out' },
      overlay: defaultSettings().overlay,
      timeoutPresets: [60],
      highlights: defaultSettings().highlights,
    }),
    ...options,
  });
  const overlay: OverlayPush[] = [];
  const mod: ModPush[] = [];
  hub.attach('overlay', (push) => overlay.push(push)).ready();
  hub.attach('mod', (push) => mod.push(push)).ready();
  overlay.length = 0;
  mod.length = 0;
  return { hub, clock, overlay, mod };
}
