/**
 * Direct-mapped interning for tag values that repeat across lines (badges, badge-info, colour, room id …).
 * The slot comes from a cheap hash of the characters in place (no slice, no string hashing); a hit returns
 * the stored string, so equal values become the SAME string and later caches can compare by identity.
 * Measured in bench/irc-parse.bench.ts: cheaper than a one-entry memo or a Map keyed by fresh slices.
 */
export const INTERN_SIZE = 512;
const MASK = INTERN_SIZE - 1;

/** Hash of `text[start, end)` from its length and four characters (collisions only cost a miss). */
export function spanHash(text: string, start: number, end: number): number {
  const length = end - start;
  return (
    (length * 131 +
      text.charCodeAt(start) * 31 +
      text.charCodeAt(end - 1) * 7 +
      text.charCodeAt(end - 2) * 17 +
      text.charCodeAt(start + (length >> 1)) * 3) &
    MASK
  );
}

export class InternTable {
  private readonly values: string[] = new Array<string>(INTERN_SIZE).fill('');
  /** Slot of the last value interned: `spanHash` of it, so a cache keyed the same way can skip hashing. */
  lastSlot = 0;

  /** The value `text[start, end)` (non-empty), shared with earlier equal values when the slot holds it. */
  intern(text: string, start: number, end: number): string {
    const slot = spanHash(text, start, end);
    this.lastSlot = slot;
    const held = this.values[slot];
    if (held.length === end - start && text.startsWith(held, start)) return held;
    const value = text.slice(start, end);
    this.values[slot] = value;
    return value;
  }
}
