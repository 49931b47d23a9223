import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/main/core/net/backoff';

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
