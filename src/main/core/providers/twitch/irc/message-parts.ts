import type { MessagePart } from '../../../../../shared/events';
import type { EmoteRange } from './tag-decode';

export const emoteUrl = (id: string): string =>
  `https://static-cdn.jtvnw.net/emoticons/v2/${id}/default/dark/1.0`;

/** Cheermote prefixes Twitch offers to everyone (channel-specific ones need Helix; they stay text). */
const CHEER_PREFIXES = new Set([
  'cheer',
  'doodlecheer',
  'biblethump',
  'cheerwhal',
  'corgo',
  'uni',
  'showlove',
  'party',
  'seemsgood',
  'pride',
  'kappa',
  'frankerz',
  'heyguys',
  'dansgame',
  'elegiggle',
  'trihard',
  'kreygasm',
  '4head',
  'swiftrage',
  'notlikethis',
  'failfish',
  'vohiyo',
  'pjsalt',
  'mrdestructoid',
  'bday',
  'ripcheer',
  'shamrock',
]);

const CHEER_WORD = /^([a-z0-9]*?[a-z])(\d+)$/i;
const MENTION_WORD = /^@([a-z0-9_]{1,25})([^a-z0-9_]*)$/i;

/**
 * UTF-16 offset of every code point index, computed only when the text has surrogate pairs (emote ranges
 * count code points; JS strings are UTF-16). Returns null when both index spaces are the same.
 */
function codePointOffsets(text: string): number[] | null {
  let hasPairs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      hasPairs = true;
      break;
    }
  }
  if (!hasPairs) return null;
  const offsets: number[] = [];
  let i = 0;
  for (const char of text) {
    offsets.push(i);
    i += char.length;
  }
  offsets.push(i);
  return offsets;
}

function pushWordParts(text: string, parts: MessagePart[], bits: number): void {
  if (text.length === 0) return;
  let plain = '';
  let pos = 0;
  while (pos < text.length) {
    let space = text.indexOf(' ', pos);
    if (space < 0) space = text.length;
    const word = text.slice(pos, space);
    const special = word.length > 1 ? specialPart(word, bits) : null;
    if (special === null) plain += text.slice(pos, Math.min(space + 1, text.length));
    else {
      if (plain) parts.push({ type: 'text', text: plain });
      parts.push(special);
      plain = space < text.length ? ' ' : '';
    }
    pos = space + 1;
  }
  if (plain) parts.push({ type: 'text', text: plain });
}

/** A mention, link or cheermote for one word, or null when the word is plain text. */
function specialPart(word: string, bits: number): MessagePart | null {
  const first = word.charCodeAt(0);
  if (first === 64 /* @ */) {
    const match = MENTION_WORD.exec(word);
    if (match && !match[2]) return { type: 'mention', text: word, login: match[1].toLowerCase() };
    return null;
  }
  if ((first === 104 || first === 72) && /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(word)) {
    return { type: 'link', text: word, url: word };
  }
  if (bits > 0) {
    const match = CHEER_WORD.exec(word);
    if (match && CHEER_PREFIXES.has(match[1].toLowerCase())) {
      return { type: 'cheer', text: word, prefix: match[1], bits: Number(match[2]) };
    }
  }
  return null;
}

/**
 * Split a chat text into parts: emotes (ranges in code points; malformed, overlapping or out-of-range ranges
 * are skipped), mentions `@name`, http(s) links, and cheermotes when the message carries bits.
 */
export function buildParts(text: string, emotes: readonly EmoteRange[], bits = 0): MessagePart[] {
  const parts: MessagePart[] = [];
  const offsets = emotes.length > 0 ? codePointOffsets(text) : null;
  const codePoints = offsets === null ? text.length : offsets.length - 1;
  let cursor = 0; // UTF-16 offset of the first character not yet emitted
  let nextFree = 0; // code-point index after the last accepted emote
  for (const emote of emotes) {
    if (emote.start < nextFree || emote.end >= codePoints) continue;
    const from = offsets === null ? emote.start : offsets[emote.start];
    const to = offsets === null ? emote.end + 1 : offsets[emote.end + 1];
    pushWordParts(text.slice(cursor, from), parts, bits);
    parts.push({ type: 'emote', text: text.slice(from, to), id: emote.id, url: emoteUrl(emote.id) });
    cursor = to;
    nextFree = emote.end + 1;
  }
  pushWordParts(text.slice(cursor), parts, bits);
  return parts;
}
