import type { Clock, TimerHandle } from '../../src/main/core/clock';

/**
 * The delay Node really uses: past 2^31-1 ms (about 24.8 days), or NaN, it warns and fires after 1 ms. The fake
 * clocks copy that, so code that hands a service-given duration straight to a timer fails in tests as it would live.
 */
export function nodeTimerDelay(ms: number): number {
  return Number.isNaN(ms) || ms > 2 ** 31 - 1 ? 1 : Math.max(0, ms);
}

/** A manual clock: `advance(ms)` runs due timers in order. */
export class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + nodeTimerDelay(ms), fn });
    return id as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle | undefined | null): void {
    if (handle !== undefined && handle !== null) this.timers.delete(handle as unknown as number);
  }

  pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers)
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
    }
    this.time = end;
  }
}
