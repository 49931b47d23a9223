import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, setLongTimeout } from '../../src/main/core/clock';
import { FakeClock } from '../helpers/fake-clock';

const DAY = 86_400_000;

describe('setLongTimeout', () => {
  it('fires a 30-day timer once, exactly when due (a plain timer would fire after 1 ms)', () => {
    const clock = new FakeClock();
    const start = clock.now();
    const fired: number[] = [];
    setLongTimeout(clock, () => fired.push(clock.now() - start), 30 * DAY);
    clock.advance(29 * DAY);
    expect(fired).toEqual([]);
    clock.advance(DAY + 1000);
    expect(fired).toEqual([30 * DAY]);
    expect(clock.pending()).toBe(0);
  });

  it('fires short timers like a plain one, and at the limit itself', () => {
    const clock = new FakeClock();
    const fired: string[] = [];
    setLongTimeout(clock, () => fired.push('short'), 50);
    setLongTimeout(clock, () => fired.push('limit'), MAX_TIMER_MS);
    setLongTimeout(clock, () => fired.push('negative'), -5);
    setLongTimeout(clock, () => fired.push('nan'), Number.NaN);
    clock.advance(50);
    expect(fired).toEqual(['negative', 'nan', 'short']);
    clock.advance(MAX_TIMER_MS);
    expect(fired).toEqual(['negative', 'nan', 'short', 'limit']);
  });

  it('cancels in any link of the chain; Infinity never fires', () => {
    const clock = new FakeClock();
    let fired = 0;
    const timer = setLongTimeout(clock, () => (fired += 1), 60 * DAY);
    setLongTimeout(clock, () => (fired += 1), Infinity);
    clock.advance(40 * DAY);
    timer.cancel();
    clock.advance(40 * DAY);
    expect(fired).toBe(0);
    expect(clock.pending()).toBe(0);
  });
});
