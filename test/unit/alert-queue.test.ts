import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertQueueState } from '../../src/shared/alert-queue-state';
import { ALERT_TYPES, type Alert, type AlertType, type SourceRef } from '../../src/shared/events';
import type { Clock } from '../../src/main/core/clock';
import {
  alertPriority,
  createAlertQueue,
  type AlertQueueOptions,
} from '../../src/main/core/alerts/alert-queue';

const source: SourceRef = { sourceId: 'demo', provider: 'demo', channel: 'demo' };
const clock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle);
  },
};

function alert(id: string, alertType: AlertType, extra: Partial<Alert> = {}): Alert {
  return {
    kind: 'alert',
    id,
    source,
    alertType,
    user: { id: `u-${id}`, login: `user_${id}`, displayName: `User${id}` },
    message: null,
    serverTime: 0,
    receivedAt: 0,
    ...extra,
  };
}

function setup(options: Partial<AlertQueueOptions> = {}) {
  const states: AlertQueueState[] = [];
  const queue = createAlertQueue({
    clock,
    durationMs: () => 1000,
    onChange: (state) => states.push(state),
    ...options,
  });
  const ids = () => queue.snapshot().queued.map((a) => a.id);
  return { queue, states, ids, activeId: () => queue.snapshot().active?.id ?? null };
}

describe('alert queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it('plays one alert at a time for its duration, then the next, then goes idle', () => {
    const { queue, activeId, ids } = setup({ durationMs: (a) => (a.alertType === 'raid' ? 3000 : 1000) });
    expect(queue.snapshot().status).toBe('idle');
    queue.enqueue(alert('a', 'follow'));
    queue.enqueue(alert('b', 'follow'));
    expect(activeId()).toBe('a');
    expect(queue.snapshot()).toMatchObject({ status: 'playing', activeUntil: 11_000 });
    expect(ids()).toEqual(['b']);
    vi.advanceTimersByTime(999);
    expect(activeId()).toBe('a');
    vi.advanceTimersByTime(1);
    expect(activeId()).toBe('b');
    expect(queue.snapshot().recent.map((a) => a.id)).toEqual(['a']);
    vi.advanceTimersByTime(1000);
    expect(queue.snapshot()).toMatchObject({ status: 'idle', active: null, activeUntil: null, queued: [] });
    expect(queue.snapshot().recent.map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('orders waiting alerts by priority, keeping arrival order within a priority', () => {
    const { queue, ids } = setup();
    queue.enqueue(alert('playing', 'follow'));
    queue.enqueue(alert('f1', 'follow'));
    queue.enqueue(alert('s1', 'sub'));
    queue.enqueue(alert('c1', 'cheer'));
    queue.enqueue(alert('r1', 'raid'));
    queue.enqueue(alert('d1', 'donation'));
    queue.enqueue(alert('s2', 'resub'));
    queue.enqueue(alert('f2', 'redemption'));
    queue.enqueue(alert('g1', 'giftsub'));
    expect(ids()).toEqual(['r1', 'c1', 'd1', 'g1', 's1', 's2', 'f1', 'f2']);
    const played: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      vi.advanceTimersByTime(1000);
      played.push(queue.snapshot().active?.id ?? '');
    }
    expect(played).toEqual(['r1', 'c1', 'd1', 'g1', 's1', 's2', 'f1', 'f2']);
  });

  it('exposes priorities per type', () => {
    expect(alertPriority(alert('x', 'raid'))).toBe(3);
    expect(alertPriority(alert('x', 'giftsub'))).toBe(2);
    expect(alertPriority(alert('x', 'donation'))).toBe(2);
    expect(alertPriority(alert('x', 'cheer'))).toBe(2);
    expect(alertPriority(alert('x', 'resub'))).toBe(1);
    expect(alertPriority(alert('x', 'announcement'))).toBe(0);
  });

  it('pausing while idle holds new alerts until resume', () => {
    const { queue, activeId, ids } = setup();
    queue.pause();
    queue.enqueue(alert('a', 'follow'));
    expect(activeId()).toBeNull();
    expect(ids()).toEqual(['a']);
    queue.resume();
    expect(activeId()).toBe('a');
  });

  it('skip without an exit animation ends the active alert now; while paused the next one waits', () => {
    const { queue, activeId } = setup({ durationMs: () => 10_000 });
    queue.enqueue(alert('a', 'follow'));
    queue.enqueue(alert('b', 'follow'));
    queue.enqueue(alert('c', 'follow'));
    queue.skip();
    expect(activeId()).toBe('b');
    expect(queue.snapshot().activeUntil).toBe(Date.now() + 10_000);
    queue.pause();
    queue.skip();
    expect(activeId()).toBeNull();
    expect(queue.snapshot().status).toBe('paused');
    queue.resume();
    expect(activeId()).toBe('c');
    expect(queue.snapshot().recent.map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('replay puts a recent alert at the front of the queue', () => {
    const { queue, activeId, ids } = setup();
    queue.enqueue(alert('old', 'follow'));
    vi.advanceTimersByTime(1000);
    queue.enqueue(alert('now', 'follow'));
    queue.enqueue(alert('raid', 'raid'));
    expect(queue.replay('old')).toBe(true);
    expect(ids()).toEqual(['old', 'raid']);
    expect(queue.replay('missing')).toBe(false);
    expect(queue.replay('now')).toBe(false); // playing, not in the recent list
    vi.advanceTimersByTime(1000);
    expect(activeId()).toBe('old');
    vi.advanceTimersByTime(1000);
    // The replayed alert is listed once in the recent list, newest first.
    expect(queue.snapshot().recent.map((a) => a.id)).toEqual(['old', 'now']);
  });

  it('replay starts at once when idle', () => {
    const { queue, activeId } = setup();
    queue.enqueue(alert('a', 'cheer', { bits: 100 }));
    vi.advanceTimersByTime(1000);
    expect(activeId()).toBeNull();
    queue.replay('a');
    expect(activeId()).toBe('a');
  });

  it('builds test alerts of every type, marked by id', () => {
    const { queue, ids } = setup({ filter: () => false });
    const types: AlertType[] = [...ALERT_TYPES];
    const built = types.map((type) => queue.test(type, source));
    expect(built.map((a) => a.id)).toEqual(types.map((_, i) => `test-${i + 1}`));
    expect(queue.snapshot().active?.id).toBe('test-1');
    expect(ids()).toHaveLength(8); // the filter does not apply to tests
    const byType = Object.fromEntries(built.map((a) => [a.alertType, a]));
    expect(byType.donation?.amount).toEqual({ value: '5.00', currency: 'USD' });
    expect(byType.cheer?.bits).toBeGreaterThan(0);
    expect(byType.cheer?.message?.some((p) => p.type === 'cheer')).toBe(true);
    expect(byType.resub?.months).toBeGreaterThan(1);
    expect(byType.giftsub?.count).toBeGreaterThan(1);
    expect(byType.raid?.count).toBeGreaterThan(0);
    expect(byType.redemption?.title).toBeTruthy();
    expect(built.every((a) => a.source === source && a.serverTime === Date.now())).toBe(true);
  });

  it('bounds the queue: overflow drops the oldest of the lowest priority and counts it', () => {
    const { queue, ids } = setup({ maxQueued: 3 });
    queue.enqueue(alert('playing', 'raid'));
    queue.enqueue(alert('f1', 'follow'));
    queue.enqueue(alert('s1', 'sub'));
    queue.enqueue(alert('f2', 'follow'));
    expect(queue.enqueue(alert('c1', 'cheer'))).toBe(true);
    expect(ids()).toEqual(['c1', 's1', 'f2']);
    expect(queue.dropped).toBe(1);
    // A new follow displaces the older follow, not anything of higher priority.
    expect(queue.enqueue(alert('f3', 'follow'))).toBe(true);
    expect(ids()).toEqual(['c1', 's1', 'f3']);
    expect(queue.enqueue(alert('r2', 'raid'))).toBe(true);
    expect(ids()).toEqual(['r2', 'c1', 's1']);
    expect(queue.dropped).toBe(3);
  });

  it('reports false when the overflow drops the alert just enqueued', () => {
    const { queue, ids } = setup({ maxQueued: 2 });
    queue.enqueue(alert('playing', 'raid'));
    queue.enqueue(alert('r1', 'raid'));
    queue.enqueue(alert('r2', 'raid'));
    expect(queue.enqueue(alert('f1', 'follow'))).toBe(false);
    expect(ids()).toEqual(['r1', 'r2']);
    expect(queue.dropped).toBe(1);
  });

  it('bounds the recent list', () => {
    const { queue } = setup({ maxRecent: 3, durationMs: () => 10 });
    for (let i = 0; i < 6; i += 1) queue.enqueue(alert(`a${i}`, 'follow'));
    vi.advanceTimersByTime(100);
    expect(queue.snapshot().recent.map((a) => a.id)).toEqual(['a5', 'a4', 'a3']);
  });

  it('filters by minimum bits and donation, and re-filters the queue on setFilter', () => {
    const minimums =
      (minBits: number, minDonation: number) =>
      (a: Alert): boolean =>
        !(a.alertType === 'cheer' && (a.bits ?? 0) < minBits) &&
        !(a.alertType === 'donation' && Number(a.amount?.value ?? 0) < minDonation);
    const { queue, ids } = setup({ filter: minimums(100, 5) });
    queue.enqueue(alert('playing', 'follow'));
    expect(queue.enqueue(alert('c50', 'cheer', { bits: 50 }))).toBe(false);
    expect(queue.enqueue(alert('c500', 'cheer', { bits: 500 }))).toBe(true);
    expect(queue.enqueue(alert('d2', 'donation', { amount: { value: '2.00', currency: 'USD' } }))).toBe(
      false,
    );
    expect(queue.enqueue(alert('d10', 'donation', { amount: { value: '10.00', currency: 'EUR' } }))).toBe(
      true,
    );
    expect(ids()).toEqual(['c500', 'd10']);
    queue.setFilter(minimums(1000, 5));
    expect(ids()).toEqual(['d10']);
    queue.setFilter(undefined);
    expect(queue.enqueue(alert('c1', 'cheer', { bits: 1 }))).toBe(true);
    expect(queue.dropped).toBe(0);
  });

  it('ignores duplicates of queued or active alerts', () => {
    const { queue, ids } = setup();
    queue.enqueue(alert('a', 'follow'));
    queue.enqueue(alert('b', 'follow'));
    expect(queue.enqueue(alert('a', 'follow'))).toBe(false);
    expect(queue.enqueue(alert('b', 'follow'))).toBe(false);
    expect(ids()).toEqual(['b']);
  });

  it('notifies every change with a fresh frozen snapshot', () => {
    const { queue, states } = setup();
    queue.enqueue(alert('a', 'follow'));
    queue.enqueue(alert('b', 'follow'));
    queue.pause();
    queue.resume();
    vi.advanceTimersByTime(1000);
    expect(states.map((s) => s.status)).toEqual(['playing', 'playing', 'paused', 'playing', 'playing']);
    expect(states[0]).not.toBe(states[1]);
    expect(Object.isFrozen(states[0])).toBe(true);
    expect(Object.isFrozen(states[0]?.queued)).toBe(true);
    expect(states[0]?.queued).toEqual([]);
    expect(states[1]?.queued.map((a) => a.id)).toEqual(['b']);
    expect(queue.snapshot()).toBe(states.at(-1));
    const count = states.length;
    queue.resume(); // not paused: no change
    queue.skip();
    expect(states.length).toBe(count + 1);
  });

  it('works with methods passed around detached', () => {
    const { queue, activeId } = setup();
    const { enqueue, pause, resume, skip } = queue;
    enqueue(alert('a', 'follow'));
    enqueue(alert('b', 'follow'));
    pause();
    expect(queue.snapshot().status).toBe('paused');
    resume();
    skip();
    expect(activeId()).toBe('b');
  });

  it('stop clears the timer and ignores later calls', () => {
    const { queue, states } = setup();
    queue.enqueue(alert('a', 'follow'));
    queue.enqueue(alert('b', 'follow'));
    queue.stop();
    expect(vi.getTimerCount()).toBe(0);
    const count = states.length;
    expect(queue.enqueue(alert('c', 'follow'))).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(states.length).toBe(count);
    expect(queue.snapshot().active?.id).toBe('a');
  });
});
