/** Time comes in through this interface so tests can drive it with fake timers. */
export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined | null): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // Timers never keep a headless process (or a test) alive on their own.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle);
  },
};
