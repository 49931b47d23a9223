import type { Clock, TimerHandle } from '../../../src/main/core/clock';
import { nodeTimerDelay } from '../../helpers/fake-clock';

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

export interface ManualClock extends Clock {
  /** Move time forward, firing due timers in order (timers they schedule fire too when due). */
  advance(ms: number): void;
  pending(): number;
}

/** A clock tests drive by hand; share its `now` with the fake API so both sides agree on time. */
export function createManualClock(start = Date.now()): ManualClock {
  let now = start;
  let nextId = 1;
  const timers: PendingTimer[] = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { id: nextId++, at: now + nodeTimerDelay(ms), fn };
      timers.push(timer);
      return timer.id as unknown as TimerHandle;
    },
    clearTimeout: (handle) => {
      const index = timers.findIndex((t) => (t.id as unknown) === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    advance(ms) {
      const target = now + ms;
      for (let guard = 0; guard < 10_000; guard++) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const due = timers[0];
        if (!due || due.at > target) break;
        timers.shift();
        now = due.at;
        due.fn();
      }
      now = target;
    },
    pending: () => timers.length,
  };
}

/** Polls `check` until true (bounded), yielding to real I/O between tries. */
export async function waitUntil(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
