/** Time comes in through this interface so tests can drive it with fake timers. */
export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined | null): void;
  /**
   * Runs `fn` once the I/O callbacks of this event-loop turn are done, without the process going to sleep
   * first (Node's `setImmediate`); `clearTimeout` cancels it. A `setTimeout(fn, 0)` instead fires ≥ 1 ms later,
   * after a second wakeup of the process (docs/performance.md, "The core process alone"). Optional: a clock
   * without it gets `setTimeout(fn, 0)` from `setSoon`.
   */
  setImmediate?(fn: () => void): TimerHandle;
}

/** The handles `systemClock.setImmediate` gave out: `clearTimeout` must not hand them to Node's `clearTimeout`. */
const immediates = new WeakSet<object>();

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // Timers never keep a headless process (or a test) alive on their own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => {
    if (!handle) return;
    if (immediates.has(handle)) clearImmediate(handle as unknown as NodeJS.Immediate);
    else clearTimeout(handle);
  },
  setImmediate: (fn) => {
    const handle = setImmediate(fn);
    handle.unref?.();
    immediates.add(handle);
    return handle as unknown as TimerHandle;
  },
};

/** `clock.setImmediate` where the clock has one, else `clock.setTimeout(fn, 0)`; cancelled by `clearTimeout`. */
export function setSoon(clock: Clock, fn: () => void): TimerHandle {
  return clock.setImmediate ? clock.setImmediate(fn) : clock.setTimeout(fn, 0);
}

/**
 * The longest delay a Node (and browser) timer takes: 2^31-1 ms, about 24.8 days. A longer one is not clamped
 * but replaced by 1 ms, so a service-given duration (a 30-day token's `expires_in`) would fire at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongTimer {
  cancel(): void;
}

/**
 * `clock.setTimeout` for any duration a service gave us: delays past `MAX_TIMER_MS` are chained, each link
 * re-measuring what is left against `clock.now()`. A non-finite or negative delay counts as "now", except
 * `Infinity`, which never fires.
 */
export function setLongTimeout(clock: Clock, fn: () => void, ms: number): LongTimer {
  let handle: TimerHandle | null = null;
  let cancelled = ms === Infinity;
  const due = clock.now() + (Number.isFinite(ms) ? Math.max(0, ms) : 0);
  const arm = (): void => {
    if (cancelled) return;
    const remaining = due - clock.now();
    if (remaining > MAX_TIMER_MS) {
      handle = clock.setTimeout(arm, MAX_TIMER_MS);
      return;
    }
    handle = clock.setTimeout(
      () => {
        handle = null;
        if (!cancelled) fn();
      },
      Math.max(0, remaining),
    );
  };
  arm();
  return {
    cancel: () => {
      cancelled = true;
      clock.clearTimeout(handle);
      handle = null;
    },
  };
}
