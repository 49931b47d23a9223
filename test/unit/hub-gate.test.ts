import { describe, expect, it } from 'vitest';
import type { ModPush, OverlayPush } from '../../src/shared/api';
import { hubWithViews } from '../helpers/hub-views';
import { chat, ref, removal } from '../helpers/events';

/** Issue 13.7: the moderation gate holds chat back from the overlay (only) for the source's gate seconds. */
const makeHub = (gates: Record<string, number>) =>
  hubWithViews({ gateSeconds: (sourceId) => gates[sourceId] ?? 0 });

const chatIds = (pushes: Array<OverlayPush | ModPush>): string[] =>
  pushes.flatMap((push) =>
    push.type === 'events' ? push.events.flatMap((event) => (event.kind === 'chat' ? [event.id] : [])) : [],
  );

describe('Hub: moderation gate', () => {
  it('gives the console a line at once, with gatedUntil, and the overlay only after the gate', () => {
    const { hub, clock, overlay, mod } = makeHub({ src: 7 });
    const start = clock.now();
    hub.publish(chat({ id: 'a' }));
    clock.advance(16);
    expect(chatIds(mod)).toEqual(['a']);
    const sent = mod.flatMap((push) => (push.type === 'events' ? push.events : []))[0];
    expect(sent).toMatchObject({ kind: 'chat', id: 'a', gatedUntil: start + 7000 });
    expect(chatIds(overlay)).toEqual([]);
    clock.advance(6_900);
    expect(chatIds(overlay)).toEqual([]);
    expect(hub.overlaySnapshot().messages).toEqual([]);
    clock.advance(100);
    expect(chatIds(overlay)).toEqual(['a']);
    expect(hub.overlaySnapshot().messages.map((m) => m.id)).toEqual(['a']);
  });

  it('never airs a line removed inside the window, on any removal path, in pushes or snapshots', () => {
    const { hub, clock, overlay } = makeHub({ src: 5 });
    hub.publish(chat({ id: 'deleted' }));
    hub.publish(chat({ id: 'timed-out', author: { ...chat().author, id: 'u2', login: 'bob' } }));
    hub.publish(chat({ id: 'cleared', author: { ...chat().author, id: 'u3', login: 'cy' } }));
    hub.publish(chat({ id: 'kept', author: { ...chat().author, id: 'u4', login: 'di' } }));
    clock.advance(1_000);
    // Our delete (confirmed), another moderator's timeout seen as CLEARCHAT by login, a local "keep off stream".
    hub.publish(removal({ type: 'message', messageId: 'deleted' }));
    hub.publish(removal({ type: 'user', login: 'BOB' }, { reason: 'timeout' }));
    hub.publish(removal({ type: 'message', messageId: 'cleared' }, { confirmed: false }));
    clock.advance(1_000);
    // A reload inside the window: nothing gated in the snapshot.
    expect(hub.overlaySnapshot().messages).toEqual([]);
    clock.advance(10_000);
    expect(chatIds(overlay)).toEqual(['kept']);
    expect(hub.overlaySnapshot().messages.map((m) => m.id)).toEqual(['kept']);
    expect(hub.gate.counters).toMatchObject({ held: 4, released: 1, keptOff: 3 });
    // The console still has all four lines, three marked removed.
    expect(
      hub
        .snapshot()
        .messages.filter((m) => m.removed)
        .map((m) => m.id),
    ).toEqual(['deleted', 'timed-out', 'cleared']);
  });

  it('clears everything of a source inside the window (CLEARCHAT without a user)', () => {
    const { hub, clock, overlay } = makeHub({ src: 3 });
    hub.publish(chat({ id: 'x' }));
    hub.publish(removal({ type: 'all' }, { reason: 'clear' }));
    clock.advance(5_000);
    expect(chatIds(overlay)).toEqual([]);
  });

  it('releases lines of sources with different gates in time order, each at its own time', () => {
    const other = { ...ref, sourceId: 'slow' };
    const { hub, clock, overlay } = makeHub({ src: 2, slow: 10 });
    hub.publish(chat({ id: 'slow-1', source: other }));
    clock.advance(1_000);
    hub.publish(chat({ id: 'fast-1' }));
    clock.advance(2_000);
    expect(chatIds(overlay)).toEqual(['fast-1']);
    clock.advance(7_000);
    expect(chatIds(overlay)).toEqual(['fast-1', 'slow-1']);
  });

  it('with the gate at 0 takes the same path as before: same flush, no timer, no gatedUntil', () => {
    const { hub, clock, overlay } = makeHub({ src: 0 });
    hub.publish(chat({ id: 'now' }));
    // The leading-edge flush (hub.ts FLUSH_MS): out within the first tick, no gate timer pending after it.
    clock.advance(0);
    expect(chatIds(overlay)).toEqual(['now']);
    expect(clock.pending()).toBe(0);
    const line = overlay.flatMap((push) => (push.type === 'events' ? push.events : []))[0];
    expect(line).not.toHaveProperty('gatedUntil');
    expect(hub.gate.counters.held).toBe(0);
  });
});
