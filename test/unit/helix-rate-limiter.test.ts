import { describe, expect, it } from 'vitest';
import { HelixRateLimiter, MAX_RATE_WAIT_MS } from '../../src/main/core/providers/twitch/helix/rate-limiter';
import { createManualClock } from '../fakes/twitch-api/manual-clock';

const headers = (limit: string, remaining: string, reset: string) =>
  new Headers({ 'Ratelimit-Limit': limit, 'Ratelimit-Remaining': remaining, 'Ratelimit-Reset': reset });

describe('Helix rate limiter', () => {
  it('goes at once while points remain', async () => {
    const clock = createManualClock(1_000_000);
    const limiter = new HelixRateLimiter(clock);
    await limiter.take(); // nothing known yet
    limiter.update(headers('800', '2', '1060'));
    await limiter.take();
    expect(limiter.snapshot()).toEqual({ limit: 800, remaining: 1, resetAt: 1_060_000 });
    expect(limiter.waits).toBe(0);
  });

  it('waits until Ratelimit-Reset when the bucket is empty', async () => {
    const clock = createManualClock(1_000_000);
    const limiter = new HelixRateLimiter(clock);
    limiter.update(headers('800', '0', '1003'));
    let done = false;
    const taken = limiter.take().then(() => (done = true));
    await Promise.resolve();
    clock.advance(2999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await taken;
    expect(limiter.waits).toBe(1);
    expect(limiter.snapshot().remaining).toBe(799);
  });

  it('counts calls since the last answer against the bucket', async () => {
    const clock = createManualClock(1_000_000);
    const limiter = new HelixRateLimiter(clock);
    limiter.update(headers('3', '1', '1001'));
    await limiter.take();
    let done = false;
    const taken = limiter.take().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1000);
    await taken;
  });

  it('never waits longer than the cap for a bogus reset', async () => {
    const clock = createManualClock(1_000_000);
    const limiter = new HelixRateLimiter(clock);
    limiter.update(headers('800', '0', String(1_000 + 86_400)));
    const taken = limiter.take();
    clock.advance(MAX_RATE_WAIT_MS);
    await taken;
  });

  it('retries a 429 only when the bucket is empty and refills soon', () => {
    const clock = createManualClock(1_000_000);
    const limiter = new HelixRateLimiter(clock);
    expect(limiter.retryDelayAfter429(headers('800', '0', '1002'))).toBe(2000);
    expect(limiter.retryDelayAfter429(headers('800', '5', '1002'))).toBeNull(); // per-endpoint limit
    expect(limiter.retryDelayAfter429(headers('800', '0', '99999'))).toBeNull();
    expect(limiter.retryDelayAfter429(new Headers())).toBeNull();
    expect(limiter.retryDelayAfter429(headers('x', 'y', 'z'))).toBeNull();
  });
});
