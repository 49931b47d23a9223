import { describe, expect, it } from 'vitest';
import type { ModPush, OverlayPush } from '../../src/shared/api';
import type { Hub } from '../../src/main/core/hub/hub';
import { makeTestHub } from '../helpers/test-hub';
import { chat, ref } from '../helpers/events';

function modView(hub: Hub) {
  const pushes: ModPush[] = [];
  const view = hub.attach('mod', (push) => pushes.push(push));
  view.ready();
  const chatIds = () =>
    pushes.flatMap((p) =>
      p.type === 'snapshot'
        ? p.snapshot.messages.map((m) => m.id)
        : p.type === 'events'
          ? p.events.flatMap((e) => (e.kind === 'chat' ? [e.id] : []))
          : [],
    );
  const lastSeq = () => {
    const last = pushes.findLast((p) => p.type === 'events' || p.type === 'snapshot');
    return last?.type === 'events' || last?.type === 'snapshot' ? last.chatSeq : undefined;
  };
  return { pushes, view, chatIds, lastSeq };
}

/** Flood finding: the hub numbers chat lines so a mod view can tell which it did not get (shared/api.ts). */
describe('Hub: chat line numbers (chatSeq)', () => {
  it('counts accepted chat lines only: not duplicates, not other events', () => {
    const { hub, clock } = makeTestHub();
    const mod = modView(hub);
    expect(mod.lastSeq()).toBe(0); // the snapshot of an empty hub
    hub.publish(chat({ id: 'a' }));
    hub.publish(chat({ id: 'a' }));
    hub.publish({ kind: 'notice', id: 'n', source: ref, level: 'info', text: 'hi', at: 0 });
    hub.publish(chat({ id: 'b' }));
    clock.advance(20);
    expect(mod.chatIds()).toEqual(['a', 'b']);
    expect(mod.lastSeq()).toBe(2);
  });

  it('a flood past the pending bound: lines received plus the gap the numbers show equal lines published', () => {
    const { hub, clock } = makeTestHub({ messages: 5 }); // pending bound 20
    const mod = modView(hub);
    for (let i = 0; i < 1000; i++) hub.publish(chat());
    clock.advance(20);
    const received = mod.chatIds().length;
    expect(received).toBe(20);
    expect(hub.counters.pendingDropped).toBe(980);
    expect(mod.lastSeq()).toBe(1000); // 980 missing lines the view can announce, not silently lose
  });

  it('a late snapshot says where its lines start: the first is number chatSeq - length + 1', () => {
    const { hub, clock } = makeTestHub({ messages: 10 });
    for (let i = 1; i <= 30; i++) hub.publish(chat({ id: `x${i}` }));
    clock.advance(20);
    const late = modView(hub);
    const snapshot = late.pushes[0];
    expect(snapshot?.type).toBe('snapshot');
    if (snapshot?.type !== 'snapshot') return;
    expect(snapshot.chatSeq).toBe(30);
    expect(snapshot.snapshot.messages.map((m) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `x${21 + i}`),
    );
  });

  it('by default keeps the 2,000 lines a console holds for its snapshot; the overlay starts from 500', () => {
    const { hub, clock } = makeTestHub();
    for (let i = 0; i < 2600; i++) hub.publish(chat({ id: `y${i}` }));
    clock.advance(20);
    const mod = modView(hub);
    const overlay: OverlayPush[] = [];
    hub.attach('overlay', (push) => overlay.push(push)).ready();
    const modSnapshot = mod.pushes[0];
    expect(modSnapshot?.type === 'snapshot' && modSnapshot.snapshot.messages.length).toBe(2000);
    expect(modSnapshot?.type === 'snapshot' && modSnapshot.snapshot.messages[0]?.id).toBe('y600');
    const overlaySnapshot = overlay[0];
    expect(overlaySnapshot?.type === 'snapshot' && overlaySnapshot.snapshot.messages.length).toBe(500);
  });

  it('does not send the overlay line numbers', () => {
    const { hub, clock } = makeTestHub();
    const overlay: OverlayPush[] = [];
    hub.attach('overlay', (push) => overlay.push(push)).ready();
    hub.publish(chat());
    clock.advance(20);
    expect(overlay.map((p) => Object.hasOwn(p, 'chatSeq'))).toEqual([false, false]);
  });
});
