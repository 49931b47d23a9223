import { describe, expect, it } from 'vitest';
import { backoffDelay, chatBackoff } from '../../src/main/core/net/backoff';

describe('backoffDelay', () => {
  const opts = { initialMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.25 };
  it('grows exponentially and caps', () => {
    expect(backoffDelay(0, opts, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(8000);
    expect(backoffDelay(20, opts, () => 0.5)).toBe(30_000);
  });
  it('spreads by the jitter fraction', () => {
    expect(backoffDelay(1, opts, () => 0)).toBe(1500);
    expect(backoffDelay(1, opts, () => 0.999999)).toBe(2500);
  });
});

describe('chatBackoff', () => {
  /** Latest first successful try after an outage of `outageMs`, over every mix of jitter extremes. */
  function worstReconnect(outageMs: number): number {
    const draws = [0, 0.25, 0.5, 0.75, 0.999999];
    let worst = 0;
    const walk = (at: number, failures: number): void => {
      if (at >= outageMs) {
        worst = Math.max(worst, at);
        return;
      }
      for (const r of draws) walk(at + backoffDelay(failures, chatBackoff, () => r), failures + 1);
    };
    walk(0, 0);
    return worst;
  }

  it('bridges any outage of up to 2 s within 3 s, whatever the jitter', () => {
    for (let outageMs = 10; outageMs <= 2000; outageMs += 10) {
      expect(worstReconnect(outageMs), `outage ${outageMs} ms`).toBeLessThanOrEqual(3000);
    }
  });

  it('tries at most about every 10 s while a server stays down', () => {
    expect(backoffDelay(100, chatBackoff, () => 0.5)).toBe(10_000);
    expect(backoffDelay(100, chatBackoff, () => 0.999999)).toBeLessThanOrEqual(11_500);
  });
});
