import type { Clock } from '../../../clock';

/** Longest we ever sleep for a bucket refill; a bogus `Ratelimit-Reset` must not hang moderation. */
export const MAX_RATE_WAIT_MS = 60_000;

export interface RateLimitSnapshot {
  limit: number | null;
  remaining: number | null;
  /** ms since epoch when the bucket is full again, or null when unknown. */
  resetAt: number | null;
}

/**
 * Tracks Helix's token bucket from `Ratelimit-*` headers (docs/protocol-twitch.md §3.1). Calls taken since
 * the last response count against `remaining`, so a burst stops at zero instead of running into 429s.
 */
export class HelixRateLimiter {
  private state: RateLimitSnapshot = { limit: null, remaining: null, resetAt: null };
  waits = 0;

  constructor(private readonly clock: Clock) {}

  snapshot(): RateLimitSnapshot {
    return { ...this.state };
  }

  /** Resolves when a call may go out (at once unless the bucket is known to be empty). */
  async take(): Promise<void> {
    const wait = this.waitMs();
    if (wait > 0) {
      this.waits += 1;
      await this.sleep(wait);
      // The bucket refilled; the next response tells the truth again.
      this.state = { ...this.state, remaining: this.state.limit };
    }
    if (this.state.remaining !== null) this.state.remaining -= 1;
  }

  update(headers: Headers): void {
    const limit = intHeader(headers, 'ratelimit-limit');
    const remaining = intHeader(headers, 'ratelimit-remaining');
    const reset = intHeader(headers, 'ratelimit-reset');
    if (remaining === null) return;
    this.state = {
      limit: limit ?? this.state.limit,
      remaining,
      resetAt: reset === null ? null : reset * 1000,
    };
  }

  /** How long to wait before retrying a 429 (null = do not retry: not a bucket limit, or too far away). */
  retryDelayAfter429(headers: Headers): number | null {
    this.update(headers);
    const remaining = intHeader(headers, 'ratelimit-remaining');
    const reset = intHeader(headers, 'ratelimit-reset');
    // A 429 with tokens left is a per-endpoint limit (announcements, shoutouts, bans): waiting on the
    // bucket does not help.
    if (remaining === null || remaining > 0 || reset === null) return null;
    const wait = Math.max(0, reset * 1000 - this.clock.now());
    return wait <= MAX_RATE_WAIT_MS ? wait : null;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
  }

  private waitMs(): number {
    const { remaining, resetAt } = this.state;
    if (remaining === null || remaining > 0 || resetAt === null) return 0;
    return Math.min(MAX_RATE_WAIT_MS, Math.max(0, resetAt - this.clock.now()));
  }
}

function intHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.floor(value) : null;
}
