/**
 * "At most N events per window" with exact timestamps (a ring of the last N times). Used for Twitch's JOIN
 * limit (20 per 10 s) and message limit (20 or 100 per 30 s). Bounded: never holds more than N entries.
 */
export class SlidingWindowLimiter {
  private readonly times: number[] = [];

  constructor(
    private limit: number,
    private readonly windowMs: number,
  ) {}

  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    while (this.times.length > this.limit) this.times.shift();
  }

  /** Milliseconds until one more event is allowed (0 = now). */
  delay(now: number): number {
    if (this.times.length < this.limit) return 0;
    const oldest = this.times[this.times.length - this.limit];
    return Math.max(0, oldest + this.windowMs - now);
  }

  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.limit) this.times.splice(0, this.times.length - this.limit);
  }
}
