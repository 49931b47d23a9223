import { describe, expect, it } from 'vitest';
import type { ModPush } from '../../src/shared/api';
import type { Hub } from '../../src/main/core/hub/hub';
import { makeTestHub } from '../helpers/test-hub';
import { applyModPushes } from '../../src/renderer/src/store/replica';
import { emptyModReplica, modLimits, type ModReplica } from '../../src/renderer/src/store/replica-types';
import { chat, ref, removal } from '../helpers/events';

/**
 * Flood finding: a console that reconnects (a slow client closed with 1013, a network blip) or falls behind
 * under a flood keeps every line it had, re-reads what the snapshot still holds, and counts the rest as
 * skipped. Driven by a real Hub with the fake clock: what the console holds plus what it says it skipped is
 * every line the hub accepted.
 */
const makeHub = (messages: number) => makeTestHub({ messages });

/** A console: its pushes are applied as the store does, one batch per flush of the hub. */
function openConsole(hub: Hub, start: ModReplica = emptyModReplica(), overTheWire = false) {
  let replica = start;
  let queue: ModPush[] = [];
  // Over the wire (as the console gets them), every push is a fresh copy of the core's objects.
  const attachment = hub.attach('mod', (push) =>
    queue.push(overTheWire ? (JSON.parse(JSON.stringify(push)) as ModPush) : push),
  );
  attachment.ready();
  const apply = (): ModReplica => {
    if (queue.length > 0) replica = applyModPushes(replica, queue, modLimits);
    queue = [];
    return replica;
  };
  return { apply, detach: () => attachment.detach() };
}

const publish = (hub: Hub, from: number, to: number) => {
  for (let i = from; i <= to; i++) hub.publish(chat({ id: `l${i}` }));
};
const ids = (replica: ModReplica) => replica.messages.map((m) => m.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `l${from + i}`);

describe('mod replica: resync and skipped lines', () => {
  it('a reconnect the history covers: every line, once, in order, nothing skipped', () => {
    const { hub, clock } = makeHub(100);
    const first = openConsole(hub);
    publish(hub, 1, 60);
    clock.advance(20);
    const before = first.apply();
    first.detach();
    publish(hub, 61, 90); // while disconnected
    clock.advance(20);
    const after = openConsole(hub, before).apply();
    expect(ids(after)).toEqual(range(1, 90));
    expect(after.skippedLines).toBe(0);
    expect(after.chatSeq).toBe(90);
  });

  it('a reconnect after more lines than the history holds: the old lines stay, the gap is counted', () => {
    const { hub, clock } = makeHub(50);
    const first = openConsole(hub);
    publish(hub, 1, 40);
    clock.advance(20);
    const before = first.apply();
    first.detach();
    publish(hub, 41, 200);
    clock.advance(20);
    const after = openConsole(hub, before).apply();
    // Before the fix the snapshot replaced the console's 40 lines with the hub's last 50, silently.
    expect(ids(after)).toEqual([...range(1, 40), ...range(151, 200)]);
    expect(after.skippedLines).toBe(110);
    expect(after.messages.length + after.skippedLines).toBe(200);
  });

  it('keeps the removal marks of the snapshot for lines it already had', () => {
    const { hub, clock } = makeHub(100);
    const first = openConsole(hub);
    publish(hub, 1, 5);
    clock.advance(20);
    const before = first.apply();
    first.detach();
    hub.publish(removal({ type: 'message', messageId: 'l3' }));
    clock.advance(20);
    const after = openConsole(hub, before).apply();
    expect(ids(after)).toEqual(range(1, 5));
    expect(after.messages[2]?.removed).toMatchObject({ reason: 'delete' });
  });

  it('keeps its own objects for the lines the snapshot resends unchanged, takes changed ones from it', () => {
    const { hub, clock } = makeHub(100);
    const first = openConsole(hub, emptyModReplica(), true);
    publish(hub, 1, 5);
    clock.advance(20);
    const before = first.apply();
    first.detach();
    hub.publish(removal({ type: 'message', messageId: 'l3' }));
    publish(hub, 6, 6);
    clock.advance(20);
    const after = openConsole(hub, before, true).apply();
    expect(ids(after)).toEqual(range(1, 6));
    // One copy of each unchanged line across the reconnect (memory), so unchanged rows skip their re-render.
    for (const i of [0, 1, 3, 4]) expect(after.messages[i]).toBe(before.messages[i]);
    expect(after.messages[2]).not.toBe(before.messages[2]);
    expect(after.messages[2]?.removed).toMatchObject({ reason: 'delete' });
  });

  it('forgets the lines of a source the hub dropped while it was away (the demo once a real source ran)', () => {
    const { hub, clock } = makeHub(100);
    const twitch = { sourceId: 'tw', provider: 'twitch' as const, channel: 'chan' };
    const first = openConsole(hub);
    for (let i = 1; i <= 4; i++) hub.publish(chat({ id: `demo${i}` })); // test ref: the demo source
    for (let i = 1; i <= 3; i++) hub.publish(chat({ id: `tw${i}`, source: twitch }));
    clock.advance(20);
    const before = first.apply();
    first.detach();
    hub.dropLines(ref.sourceId); // missed: the console was away
    hub.publish(chat({ id: 'tw4', source: twitch }));
    clock.advance(20);
    const after = openConsole(hub, before).apply();
    // Before the fix the four demo lines stayed on this console, mixed into the real chat.
    expect(ids(after)).toEqual(['tw1', 'tw2', 'tw3', 'tw4']);
    expect(after.skippedLines).toBe(0);
  });

  it('keeps the lines of a dropped source that started again after the console saw the drop', () => {
    const { hub, clock } = makeHub(3);
    const live = openConsole(hub);
    hub.publish(chat({ id: 'demo-old' }));
    clock.advance(20);
    live.apply();
    hub.dropLines(ref.sourceId); // seen live: the console drops the line itself
    publish(hub, 1, 2); // the demo again (the real source was removed)
    clock.advance(20);
    const before = live.apply();
    expect(ids(before)).toEqual(['l1', 'l2']);
    live.detach();
    publish(hub, 3, 5); // the history (3 lines) no longer holds l1, l2
    clock.advance(20);
    const after = openConsole(hub, before).apply();
    expect(ids(after)).toEqual(range(1, 5));
  });

  it('a flood past the hub pending bound is counted, not lost silently', () => {
    const { hub, clock } = makeHub(5); // pending bound 20
    const live = openConsole(hub);
    publish(hub, 1, 3);
    clock.advance(20);
    live.apply();
    publish(hub, 4, 503);
    clock.advance(20);
    const after = live.apply();
    expect(after.messages.length).toBe(23);
    expect(after.skippedLines).toBe(480);
    expect(ids(after).slice(0, 3)).toEqual(range(1, 3));
    expect(ids(after).at(-1)).toBe('l503');
  });

  it('a first snapshot, or one from a core that started again, replaces the lines without a gap', () => {
    const old = makeHub(100);
    const first = openConsole(old.hub);
    publish(old.hub, 1, 30);
    old.clock.advance(20);
    const before = first.apply();
    expect(before.skippedLines).toBe(0);
    const fresh = makeHub(100);
    fresh.hub.publish(chat({ id: 'new' }));
    const after = openConsole(fresh.hub, before).apply();
    expect(ids(after)).toEqual(['new']);
    expect(after.chatSeq).toBe(1);
    expect(after.skippedLines).toBe(0);
  });

  it('pushes without line numbers (a scripted core) apply as before', () => {
    const { hub } = makeHub(10);
    const synced = applyModPushes(
      emptyModReplica(),
      [{ type: 'snapshot', snapshot: hub.snapshot() }],
      modLimits,
    );
    const next = applyModPushes(synced, [{ type: 'events', events: [chat({ id: 'x' })] }], modLimits);
    expect(ids(next)).toEqual(['x']);
    expect(next.chatSeq).toBeNull();
    expect(next.skippedLines).toBe(0);
  });
});
