import type { BadgeRef, EmoteRange } from './irc-parser';

/** Badge and emote decoders, used by the parser when it decodes fully (`parseTwitchLine`). */

export const NO_BADGES: readonly BadgeRef[] = Object.freeze([]);
export const NO_EMOTES: readonly EmoteRange[] = Object.freeze([]);

/**
 * `subscriber/12,no_audio/1`; each item split on the FIRST `/` only (badge-info values may contain `/`). Frozen
 * because the parser shares one list between all lines with the same value (its value pool, irc-parser.ts).
 */
export function decodeBadges(value: string | undefined): readonly BadgeRef[] {
  return value ? Object.freeze(splitBadges(value)) : NO_BADGES;
}

function splitBadges(value: string): BadgeRef[] {
  const badges: BadgeRef[] = [];
  let pos = 0;
  const length = value.length;
  while (pos < length) {
    let comma = value.indexOf(',', pos);
    if (comma < 0) comma = length;
    const slash = value.indexOf('/', pos);
    if (slash > pos && slash < comma) {
      badges.push({ setId: value.slice(pos, slash), version: value.slice(slash + 1, comma) });
    } else if (comma > pos) {
      badges.push({ setId: value.slice(pos, comma), version: '' });
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
