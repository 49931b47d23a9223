import { describe, expect, it } from 'vitest';
import type { ViewPush } from '../../src/shared/api';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { Hub } from '../../src/main/core/hub/hub';
import { FakeClock } from '../helpers/fake-clock';
import { alert, chat, ref, removal } from '../helpers/events';

function makeHub(limits = {}) {
  const clock = new FakeClock();
  const alerts: string[] = [];
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
    onAlert: (a) => alerts.push(a.id),
  });
  return { hub, clock, alerts };
}

function collect(hub: Hub, kind: 'overlay' | 'mod' = 'mod') {
  const pushes: ViewPush[] = [];
  const view = hub.attach(kind, (push) => pushes.push(push));
  return { pushes, view };
}

describe('Hub', () => {
  it('gives a late view a snapshot first, then batched pushes', () => {
    const { hub, clock } = makeHub();
    hub.publish(chat({ id: 'early' }));
    const { pushes, view } = collect(hub);
    expect(pushes).toHaveLength(0); // nothing before ready
    view.ready();
    expect(pushes[0]).toMatchObject({ type: 'snapshot' });
    expect(pushes[0]?.type === 'snapshot' && pushes[0].snapshot.messages.map((m) => m.id)).toEqual(['early']);
    for (let i = 0; i < 50; i++) hub.publish(chat());
    expect(pushes).toHaveLength(1); // coalesced until the flush
    clock.advance(20);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.type === 'events' && pushes[1].events).toHaveLength(50);
  });

  it('keeps history bounded and drops duplicate message ids', () => {
    const { hub } = makeHub({ messages: 10 });
    for (let i = 0; i < 100; i++) hub.publish(chat({ id: `x${i}` }));
    hub.publish(chat({ id: 'x99' }));
    expect(hub.counters.duplicates).toBe(1);
    const ids = hub.snapshot().messages.map((m) => m.id);
    expect(ids).toHaveLength(10);
    expect(ids.at(-1)).toBe('x99');
  });

  it('marks removed messages by id, by user and for the whole chat', () => {
    const { hub } = makeHub();
    hub.publish(chat({ id: 'a' }));
    hub.publish(chat({ id: 'b', author: { ...chat().author, id: 'u2', login: 'bob' } }));
    hub.publish(chat({ id: 'c' }));
    hub.publish(removal({ type: 'message', messageId: 'a' }));
    let byId = Object.fromEntries(hub.snapshot().messages.map((m) => [m.id, m.removed]));
    expect(byId.a).toMatchObject({ reason: 'delete', confirmed: true });
    expect(byId.b).toBeUndefined();
    hub.publish(removal({ type: 'user', login: 'BOB' }, { reason: 'timeout' }));
    byId = Object.fromEntries(hub.snapshot().messages.map((m) => [m.id, m.removed]));
    expect(byId.b).toMatchObject({ reason: 'timeout' });
    expect(byId.c).toBeUndefined();
    hub.publish(removal({ type: 'all' }, { reason: 'clear' }));
    expect(hub.snapshot().messages.every((m) => m.removed)).toBe(true);
  });

  it('shows an alert reported twice (IRC and EventSub) once', () => {
    const { hub, alerts, clock } = makeHub();
    const irc = { transport: 'irc', eventId: 'i1' } as const;
    hub.publish(alert({ id: 'irc', bits: 500, origin: irc }));
    hub.publish(
      alert({
        id: 'eventsub',
        bits: 500,
        user: { id: 'u1', login: 'Ada', displayName: 'Ada' },
        origin: { transport: 'eventsub', eventId: 'e1' },
      }),
    );
    hub.publish(alert({ id: 'other', bits: 501, origin: { transport: 'eventsub', eventId: 'e2' } }));
    expect(alerts).toEqual(['irc', 'other']);
    expect(hub.counters.alertDuplicates).toBe(1);
    clock.advance(61_000);
    hub.publish(alert({ id: 'later', bits: 500, origin: { transport: 'eventsub', eventId: 'e3' } }));
    expect(alerts).toEqual(['irc', 'other', 'later']);
  });

  it('sends the overlay only what it draws', () => {
    const { hub, clock } = makeHub();
    const overlay = collect(hub, 'overlay');
    overlay.view.ready();
    hub.publish({ kind: 'notice', id: 'n', source: ref, level: 'info', text: 'hi', at: 0 });
    clock.advance(20);
    expect(overlay.pushes).toHaveLength(1); // only the snapshot
    hub.publish(chat());
    clock.advance(20);
    expect(overlay.pushes.at(-1)).toMatchObject({ type: 'events' });
  });

  it('keeps the pending batch bounded under a flood', () => {
    const { hub } = makeHub({ messages: 5 });
    const mod = collect(hub);
    mod.view.ready();
    for (let i = 0; i < 1000; i++) hub.publish(chat());
    expect(hub.counters.maxPending).toBeLessThanOrEqual(21);
    expect(hub.counters.pendingDropped).toBeGreaterThan(900);
  });
});

describe('Hub push pacing', () => {
  it('sends a lone event at once but at most one push per 16 ms under load', () => {
    const { hub, clock } = makeHub();
    const { pushes, view } = collect(hub);
    view.ready();
    hub.publish(chat());
    clock.advance(0);
    expect(pushes).toHaveLength(2); // snapshot + the lone event, no frame delay
    for (let t = 0; t < 160; t++) {
      hub.publish(chat());
      clock.advance(1);
    }
    const eventPushes = pushes.filter((p) => p.type === 'events');
    expect(eventPushes.length).toBeLessThanOrEqual(1 + Math.ceil(160 / 16) + 1);
    clock.advance(20);
    const delivered = pushes.flatMap((p) => (p.type === 'events' ? p.events : []));
    expect(delivered).toHaveLength(161);
  });

  it('sends each event of a steady 100 msg/s at once: a view idle since its last push waits for no window', () => {
    const { hub, clock } = makeHub();
    const { pushes, view } = collect(hub);
    view.ready();
    for (let i = 0; i < 10; i++) {
      hub.publish(chat());
      clock.advance(0);
      expect(pushes).toHaveLength(2 + i); // snapshot + one push per event, each on its own leading edge
      clock.advance(10);
    }
  });
});
