import { INTERN_SIZE, spanHash } from './intern';

/** Decoders of Twitch's structured tags (badges, badge-info, emotes), run by `parseTwitchLine`. */

/** One `set/version` item of `badges` (or `set/info` of `badge-info`). */
export interface BadgeRef {
  readonly setId: string;
  readonly version: string;
}

/** An emote occurrence: inclusive code-point range `[start, end]` of the message text. */
export interface EmoteRange {
  id: string;
  start: number;
  end: number;
}

export const NO_BADGES: readonly BadgeRef[] = Object.freeze([]);
export const NO_EMOTES: readonly EmoteRange[] = Object.freeze([]);

/**
 * Decoded badge lists, direct-mapped by a cheap hash of the raw value. The parser interns badge values
 * (intern.ts), so a repeat is the same string and `===` is a pointer compare: no Map hashing, no decoding
 * (measured: badges were the largest decoding cost). Lists are frozen because messages share them.
 */
const decodedRaw: string[] = new Array<string>(INTERN_SIZE).fill('');
const decodedBadges: (readonly BadgeRef[])[] = new Array<readonly BadgeRef[]>(INTERN_SIZE).fill(NO_BADGES);

/**
 * `subscriber/12,no_audio/1`; each item split on the FIRST `/` only (badge-info values may contain `/`). An item
 * without a set id or a version (`subscriber24`, `subscriber/`) is dropped: no badge can be shown for it.
 * `slotHint` is where the parser's intern table put the value (same hash): usually a hit without hashing again.
 */
export function decodeBadges(value: string | undefined, slotHint = 0): readonly BadgeRef[] {
  if (!value) return NO_BADGES;
  if (decodedRaw[slotHint] === value) return decodedBadges[slotHint];
  const slot = spanHash(value, 0, value.length);
  if (decodedRaw[slot] === value) return decodedBadges[slot];
  const badges = Object.freeze(splitBadges(value));
  decodedRaw[slot] = value;
  decodedBadges[slot] = badges;
  return badges;
}

function splitBadges(value: string): BadgeRef[] {
  const badges: BadgeRef[] = [];
  let pos = 0;
  const length = value.length;
  while (pos < length) {
    let comma = value.indexOf(',', pos);
    if (comma < 0) comma = length;
    const slash = value.indexOf('/', pos);
    if (slash > pos && slash + 1 < comma) {
      badges.push({ setId: value.slice(pos, slash), version: value.slice(slash + 1, comma) });
    }
    pos = comma + 1;
  }
  return badges;
}

/** Reads a non-negative decimal integer in `text[start, end)`; -1 when empty or not all digits. */
function readInt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Adds the ranges `start-end,start-end` of `text[pos, end)` for emote `id`; malformed ranges are skipped. */
function pushRanges(text: string, id: string, pos: number, end: number, out: EmoteRange[]): void {
  while (pos < end) {
    let comma = text.indexOf(',', pos);
    if (comma < 0 || comma > end) comma = end;
    const dash = text.indexOf('-', pos);
    if (dash > pos && dash < comma) {
      const start = readInt(text, pos, dash);
      const last = readInt(text, dash + 1, comma);
      if (start >= 0 && last >= start) out.push({ id, start, end: last });
    }
    pos = comma + 1;
  }
}

/** `25:0-4,8-12/1902:6-10` → ranges sorted by start. Code-point positions; bounds are checked by the mapper. */
export function decodeEmotes(value: string | undefined): readonly EmoteRange[] {
  if (!value) return NO_EMOTES;
  const emotes: EmoteRange[] = [];
  let pos = 0;
  const length = value.length;
  while (pos < length) {
    let slash = value.indexOf('/', pos);
    if (slash < 0) slash = length;
    const colon = value.indexOf(':', pos);
    if (colon > pos && colon < slash) pushRanges(value, value.slice(pos, colon), colon + 1, slash, emotes);
    pos = slash + 1;
  }
  // Twitch groups ranges by emote; the text needs them in order. Usually already sorted (one emote).
  for (let i = 1; i < emotes.length; i++) {
    if (emotes[i].start < emotes[i - 1].start) {
      emotes.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return emotes;
}
