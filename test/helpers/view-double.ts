import type { ModPush, OverlayPush, PushFor, ViewKind } from '../../src/shared/api';
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
