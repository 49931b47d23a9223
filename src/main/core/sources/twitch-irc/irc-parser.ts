import { InternTable } from './intern';
import { COMMON_TAG_COUNT, IGNORED_TAGS_FROM, KNOWN_TAGS, TAG, lookupTag } from './irc-tags';
import { NO_BADGES, decodeBadges, decodeEmotes } from './tag-decode';

/**
 * IRCv3 line parser tuned for Twitch. Hot path rules (each measured in bench/irc-parse.bench.ts):
 * indexOf scanning instead of split/regex (a hand-written charCodeAt scan of values was measured slower),
 * known tags stored by slot (see irc-tags.ts), and tag values unescaped only when the value actually contains
 * a backslash (found with one indexOf per backslash).
 */

/** Known tag values by slot (`TAG.*`); `undefined` = tag absent. */
export type TagValues = (string | undefined)[];

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

const NONE: readonly never[] = Object.freeze([]);

export class IrcMessage {
  // `declare` + assignments in the constructor: no class-field define step per message (measured faster).
  /** Known tag values by slot, or null when the line had no tag block. */
  declare readonly tags: TagValues | null;
  /** Tags we do not read ourselves (kept for completeness; Twitch adds new ones silently). */
  declare readonly extraTags: Record<string, string> | null;
  declare readonly prefix: string | null;
  declare readonly command: string;
  declare readonly params: string[];
  /** Decoded by `parseTwitchLine` (twitch-decode.ts); empty until then. Badge lists are shared and frozen. */
  declare badges: readonly BadgeRef[];
  declare badgeInfo: readonly BadgeRef[];
  declare emotes: readonly EmoteRange[];

  constructor(
    tags: TagValues | null,
    extraTags: Record<string, string> | null,
    prefix: string | null,
    command: string,
    params: string[],
    badges: readonly BadgeRef[],
    badgeInfo: readonly BadgeRef[],
    emotes: readonly EmoteRange[],
  ) {
    this.tags = tags;
    this.extraTags = extraTags;
    this.prefix = prefix;
    this.command = command;
    this.params = params;
    this.badges = badges;
    this.badgeInfo = badgeInfo;
    this.emotes = emotes;
  }

  tag(slot: number): string | undefined {
    return this.tags === null ? undefined : this.tags[slot];
  }

  /** Nick from `nick!user@host` (or the whole prefix for a server). */
  get nick(): string {
    const prefix = this.prefix ?? '';
    const bang = prefix.indexOf('!');
    return bang < 0 ? prefix : prefix.slice(0, bang);
  }
}

const BACKSLASH = 92;
const SEMI = 59;
const EQUALS = 61;
const SPACE = 32;
const COLON = 58;
const AT = 64;

/** Decode an IRCv3 tag value: `\:`→`;` `\s`→space `\\`→`\` `\r` `\n`; other escapes keep the char; a lone trailing `\` is dropped. */
export function unescapeTagValue(value: string): string {
  let out = '';
  let from = 0;
  let at = value.indexOf('\\');
  while (at >= 0) {
    out += value.slice(from, at);
    if (at + 1 >= value.length) return out; // lone trailing backslash
    const next = value.charCodeAt(at + 1);
    if (next === 115) out += ' ';
    else if (next === COLON) out += ';';
    else if (next === BACKSLASH) out += '\\';
    else if (next === 114) out += '\r';
    else if (next === 110) out += '\n';
    else out += value[at + 1];
    from = at + 2;
    at = value.indexOf('\\', from);
  }
  return from === 0 ? value : out + value.slice(from);
}

/**
 * Badge values get an intern table (see intern.ts) so the badge decoder's cache hits by identity. Interning
 * colour, room id, emotes, msg-id, vip and user-type as well was measured ~8 % slower than plain slices.
 */
const INTERNED: (InternTable | null)[] = KNOWN_TAGS.map(() => null);
for (const key of ['badge-info', 'badges'] as const) {
  INTERNED[KNOWN_TAGS.indexOf(key)] = new InternTable();
}

/**
 * Slot that followed each slot in the previous tag block (index slot + 1; 0 = block start, last = unknown).
 * Twitch sends tags in a stable order, so the successor of the previous tag is tried first: unlike a guess
 * by position it survives a tag that one line has and the next lacks (hits 98 % instead of 87 % on xQc 2019;
 * measured ~15 % faster overall).
 */
const nextSlot = new Int16Array(KNOWN_TAGS.length + 2).fill(-1);
const NO_SLOTS: readonly number[] = [];
/** Known slots by the first character of their key (ASCII). */
const BY_FIRST_CHAR: (readonly number[])[] = Array.from({ length: 128 }, (_, c) =>
  KNOWN_TAGS.flatMap((key, slot) => (key.charCodeAt(0) === c ? [slot] : [])),
);
/** All known keys' characters back to back; key `slot` is `KEY_CHARS[KEY_START[slot], KEY_START[slot + 1])`. */
const KEY_CHARS = Uint16Array.from(KNOWN_TAGS.join(''), (c) => c.charCodeAt(0));
const KEY_START = Int32Array.from([
  0,
  ...KNOWN_TAGS.map((_, i) => KNOWN_TAGS.slice(0, i + 1).join('').length),
]);
const AFTER_UNKNOWN = KNOWN_TAGS.length + 1;

/**
 * Parses the tag block `line[pos, end)` into `values`/extras; returns the extras object (or null). Every key is
 * compared in full (`=` position, then `startsWith`); a value is sliced only once its end is known, unescaped
 * only when a backslash lies before that end. Kept in one function: the helpers were not inlined (measured).
 */
function parseTags(line: string, pos: number, end: number, values: TagValues): Record<string, string> | null {
  let extras: Record<string, string> | null = null;
  let backslash = line.indexOf('\\', pos);
  if (backslash < 0 || backslash > end) backslash = end;
  let prev = 0;
  while (pos < end) {
    let slot = nextSlot[prev];
    let eq = -1;
    let semi: number;
    if (slot >= 0) {
      // Every key character compared from one flat table (measured a little faster than startsWith here).
      const keyStart = KEY_START[slot];
      const keyLength = KEY_START[slot + 1] - keyStart;
      const keyEnd = pos + keyLength;
      if (keyEnd < end && line.charCodeAt(keyEnd) === EQUALS) {
        let i = 0;
        while (i < keyLength && line.charCodeAt(pos + i) === KEY_CHARS[keyStart + i]) i++;
        if (i === keyLength) eq = keyEnd;
      }
    }
    if (eq < 0) {
      // Guess missed (2024 lines come in random order): try the known keys with this first character, checking
      // the '=' position first; saves the '=' search and the hash (measured ~4 %).
      const first = line.charCodeAt(pos);
      const candidates = first < 128 ? BY_FIRST_CHAR[first] : NO_SLOTS;
      for (let i = 0; i < candidates.length; i++) {
        const candidate = candidates[i];
        const key = KNOWN_TAGS[candidate];
        const keyEnd = pos + key.length;
        if (keyEnd < end && line.charCodeAt(keyEnd) === EQUALS && line.startsWith(key, pos)) {
          eq = keyEnd;
          slot = candidate;
          nextSlot[prev] = slot;
          break;
        }
      }
    }
    if (eq >= 0) {
      if (line.charCodeAt(eq + 1) === SEMI) semi = eq + 1;
      else if (line.charCodeAt(eq + 2) === SEMI) semi = eq + 2;
      else semi = line.indexOf(';', eq + 1);
      if (semi < 0 || semi > end) semi = end;
    } else {
      semi = line.indexOf(';', pos);
      if (semi < 0 || semi > end) semi = end;
      eq = line.indexOf('=', pos);
      if (eq < 0 || eq > semi) eq = semi;
      slot = eq > pos ? lookupTag(line, pos, eq) : -1;
      nextSlot[prev] = slot;
    }
    prev = slot < 0 ? AFTER_UNKNOWN : slot + 1;
    if (eq > pos && slot < IGNORED_TAGS_FROM) {
      let value = '';
      if (semi > eq + 1) {
        if (backslash < semi) value = unescapeTagValue(line.slice(eq + 1, semi));
        else {
          const table = slot >= 0 ? INTERNED[slot] : null;
          value = table === null ? line.slice(eq + 1, semi) : table.intern(line, eq + 1, semi);
        }
      }
      if (slot >= 0) values[slot] = value;
      else (extras ??= {})[line.slice(pos, eq)] = value;
    }
    if (backslash < semi) {
      backslash = line.indexOf('\\', semi);
      if (backslash < 0 || backslash > end) backslash = end;
    }
    pos = semi + 1;
  }
  return extras;
}

function skipSpaces(text: string, pos: number, end: number): number {
  while (pos < end && text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

function parseParams(text: string, pos: number, end: number): string[] {
  // The common `#channel :text` shape is built as one two-element literal instead of growing an empty array.
  if (pos < end && text.charCodeAt(pos) !== COLON) {
    const space = text.indexOf(' ', pos);
    if (space > pos && space + 1 < end && text.charCodeAt(space + 1) === COLON) {
      return [text.slice(pos, space), text.slice(space + 2, end)];
    }
  }
  const params: string[] = [];
  while (pos < end) {
    if (text.charCodeAt(pos) === COLON) {
      params.push(text.slice(pos + 1, end));
      break;
    }
    let space = text.indexOf(' ', pos);
    if (space < 0 || space > end) space = end;
    params.push(text.slice(pos, space));
    pos = skipSpaces(text, space + 1, end);
  }
  return params;
}

/**
 * Parse one IRC line: `text[start, end)` without CR/LF (the whole string by default). Parsing inside the
 * frame string instead of slicing lines first keeps `charCodeAt` on a flat string (measured ~40 % faster
 * than on sliced strings). Returns null for a malformed line (no command, tag block or prefix without end).
 */
export function parseIrcLine(text: string, start = 0, end = text.length): IrcMessage | null {
  return parseLine(text, start, end, false);
}

const BADGES_TABLE = INTERNED[TAG.badges]!;
const BADGE_INFO_TABLE = INTERNED[TAG['badge-info']]!;

/**
 * `parseIrcLine`, plus with `decode` the badges, badge-info and emote ranges (`parseTwitchLine`): decoded before
 * the message is built, so each field is written once (measured). The badge decoder's cache is probed first at
 * the slot the parser just interned the value in (same hash), which skips hashing the value again.
 */
export function parseLine(text: string, start: number, end: number, decode: boolean): IrcMessage | null {
  let pos = start;
  let tags: TagValues | null = null;
  let extras: Record<string, string> | null = null;
  if (text.charCodeAt(pos) === AT) {
    const tagsEnd = text.indexOf(' ', pos);
    if (tagsEnd < 0 || tagsEnd >= end) return null;
    tags = new Array<string | undefined>(COMMON_TAG_COUNT);
    extras = parseTags(text, pos + 1, tagsEnd, tags);
    pos = skipSpaces(text, tagsEnd + 1, end);
  }
  let prefix: string | null = null;
  if (text.charCodeAt(pos) === COLON) {
    const prefixEnd = text.indexOf(' ', pos);
    if (prefixEnd < 0 || prefixEnd >= end) return null;
    prefix = text.slice(pos + 1, prefixEnd);
    pos = skipSpaces(text, prefixEnd + 1, end);
  }
  if (pos >= end) return null;
  let commandEnd = text.indexOf(' ', pos);
  if (commandEnd < 0 || commandEnd > end) commandEnd = end;
  // The overwhelmingly common command is returned as a constant instead of a fresh 7-char copy.
  const command =
    commandEnd - pos === 7 && text.startsWith('PRIVMSG', pos) ? 'PRIVMSG' : text.slice(pos, commandEnd);
  const params = parseParams(text, skipSpaces(text, commandEnd + 1, end), end);
  if (!decode || tags === null)
    return new IrcMessage(tags, extras, prefix, command, params, NONE, NONE, NONE);
  const badges = tags[TAG.badges];
  const badgeInfo = tags[TAG['badge-info']];
  return new IrcMessage(
    tags,
    extras,
    prefix,
    command,
    params,
    badges ? decodeBadges(badges, BADGES_TABLE.lastSlot) : NO_BADGES,
    badgeInfo ? decodeBadges(badgeInfo, BADGE_INFO_TABLE.lastSlot) : NO_BADGES,
    decodeEmotes(tags[TAG.emotes]),
  );
}

/** All tags of a message as one record (tests, logs; not the hot path). */
export function tagsToRecord(message: IrcMessage): Record<string, string> | null {
  if (message.tags === null) return null;
  const record: Record<string, string> = {};
  message.tags.forEach((value, slot) => {
    if (value !== undefined) record[KNOWN_TAGS[slot]] = value;
  });
  return Object.assign(record, message.extraTags ?? {});
}

/**
 * Calls `onLine` for every non-empty line of a WebSocket frame. Lines end with `\r\n`; a bare `\n` is
 * tolerated, and a last line without terminator is still delivered (Twitch always terminates, fakes may not).
 */
export function forEachLine(
  frame: string,
  onLine: (frame: string, start: number, end: number) => void,
): void {
  let pos = 0;
  const length = frame.length;
  while (pos < length) {
    let newline = frame.indexOf('\n', pos);
    if (newline < 0) newline = length;
    const end = newline > pos && frame.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    if (end > pos) onLine(frame, pos, end);
    pos = newline + 1;
  }
}
