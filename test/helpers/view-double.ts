import type { ModPush, ModSnapshot, OverlayPush, PushFor, ViewKind } from '../../src/shared/api';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { overlayPush } from '../../src/main/core/hub/overlay-projection';

/**
 * For test doubles of the core: delivers a mod-shaped push to a view of `kind` the way the real hub does:
 * the mod console gets it whole, the overlay only its share (hub/overlay-projection.ts).
 */
export function deliverTo<K extends ViewKind>(
  kind: K,
  send: (push: PushFor<K>) => void,
): (push: ModPush) => void {
  if (kind === 'mod') return send as (push: ModPush) => void;
  const toOverlay = send as (push: OverlayPush) => void;
  return (push) => {
    const share = overlayPush(push);
    if (share) toOverlay(share);
  };
}

/** A mod snapshot of a quiet, logged-out core, with the fields a test cares about replaced. */
export function modSnapshot(fields: Partial<ModSnapshot> = {}): ModSnapshot {
  return {
    messages: [],
    statuses: [],
    notices: [],
    presence: {},
    modes: {},
    automod: [],
    modlog: [],
    alerts: emptyAlertQueueState,
    auth: { provider: 'twitch', status: 'logged-out' },
    overlay: defaultSettings().overlay,
    timeoutPresets: [1, 60],
    highlights: defaultSettings().highlights,
    ...fields,
  };
}
