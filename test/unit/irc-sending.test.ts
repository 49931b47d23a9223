import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../src/main/core/net/recent-ids';
import { SlidingWindowLimiter } from '../../src/main/core/providers/twitch/irc/sliding-window';
import { splitMessage } from '../../src/main/core/providers/twitch/irc/split-message';

describe('splitMessage', () => {
  it('keeps short texts whole', () => expect(splitMessage('hi there')).toEqual(['hi there']));
  it('splits on word boundaries within the limit, counting code points', () => {
    const text = `${'😂'.repeat(8)} ${'ab '.repeat(5)}end`;
    const chunks = splitMessage(text, 10);
    for (const chunk of chunks) expect([...chunk].length).toBeLessThanOrEqual(10);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(chunks[0]).toBe('😂'.repeat(8));
  });
  it('cuts a single over-long word', () => {
    expect(splitMessage('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('SlidingWindowLimiter', () => {
  it('allows N per window, then says how long to wait', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    limiter.record(0);
    limiter.record(100);
    expect(limiter.delay(200)).toBe(800);
    expect(limiter.delay(1000)).toBe(0);
    limiter.setLimit(5);
    expect(limiter.delay(200)).toBe(0);
  });
});

describe('RecentIds', () => {
  it('admits each id once and stays bounded', () => {
    const ids = new RecentIds(3);
    expect(ids.admit('a')).toBe(true);
    expect(ids.admit('a')).toBe(false);
    for (const id of ['b', 'c', 'd', 'e']) ids.admit(id);
    expect(ids.size).toBe(3);
    expect(ids.admit('a')).toBe(true); // evicted long ago
  });
});
