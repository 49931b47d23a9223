import { describe, expect, it } from 'vitest';
import type { OverlayPush } from '../../src/shared/api';
import { setSoon, systemClock } from '../../src/main/core/clock';
import type { Hub } from '../../src/main/core/hub/hub';
import { chat } from '../helpers/events';
import { hubWithViews } from '../helpers/hub-views';

/**
 * The hub on the real clock: a lone line goes out in the event-loop turn that brought it (an immediate), not
 * on a 0 ms timer that fires after the process slept again — one wakeup per line at 100 msg/s, not two
 * (docs/performance.md, "The core process alone").
 */
function realHub(): { hub: Hub; pushes: OverlayPush[] } {
  const { hub, overlay } = hubWithViews({ clock: systemClock }); // pushes after the snapshots
  return { hub, pushes: overlay };
}

/** Runs `fn` in a timers-phase callback, as a socket read runs in its own callback; resolves at the check phase. */
function inCallbackThenCheckPhase(fn: () => void): Promise<void> {
  return new Promise((done) =>
    setTimeout(() => {
      fn();
      setImmediate(done); // queued after whatever `fn` queued: runs before the loop sleeps or runs timers again
    }, 0),
  );
}

describe('Hub wakeups', () => {
  it('pushes a lone line before the event loop sleeps again', async () => {
    const { hub, pushes } = realHub();
    await inCallbackThenCheckPhase(() => hub.publish(chat({ id: 'lone' })));
    expect(pushes.map((p) => p.type)).toEqual(['events']);
    hub.stop();
  });

  it('still coalesces a burst that follows a push into one later push', async () => {
    const { hub, pushes } = realHub();
    await inCallbackThenCheckPhase(() => hub.publish(chat({ id: 'first' })));
    await inCallbackThenCheckPhase(() => {
      for (let i = 0; i < 5; i++) hub.publish(chat({ id: `burst${i}` }));
    });
    expect(pushes).toHaveLength(1); // the burst waits for its window (hub.ts FLUSH_MS)
    await new Promise((r) => setTimeout(r, 40));
    const last = pushes.at(-1);
    expect(last?.type === 'events' && last.events.map((e) => ('id' in e ? e.id : ''))).toEqual([
      'burst0',
      'burst1',
      'burst2',
      'burst3',
      'burst4',
    ]);
    hub.stop();
  });
});

describe('systemClock.setImmediate', () => {
  it('is cancelled by clearTimeout, and clearTimeout still cancels timeouts', async () => {
    const fired: string[] = [];
    const soon = setSoon(systemClock, () => fired.push('soon'));
    const later = systemClock.setTimeout(() => fired.push('later'), 0);
    const kept = setSoon(systemClock, () => fired.push('kept'));
    systemClock.clearTimeout(soon);
    systemClock.clearTimeout(later);
    await new Promise((r) => setTimeout(r, 10));
    expect(fired).toEqual(['kept']);
    systemClock.clearTimeout(kept); // already ran: a no-op
  });
});
