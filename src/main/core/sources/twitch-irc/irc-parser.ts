import { InternTable } from './intern';
import { COMMON_TAG_COUNT, IGNORED_TAGS_FROM, KNOWN_TAGS, lookupTag } from './irc-tags';

/**
 * IRCv3 line parser tuned for Twitch. Hot path rules (each measured in bench/irc-parse.bench.ts):
 * indexOf scanning instead of split/regex, known tags stored by slot (see irc-tags.ts), and tag values
 * unescaped only when the value actually contains a backslash (found with one indexOf per backslash).
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
  /** Decoded by `parseTwitchLine` (twitch-decode.ts); empty until then. Badge lists are shared and frozen. */
  badges: readonly BadgeRef[] = NONE;
  badgeInfo: readonly BadgeRef[] = NONE;
  emotes: readonly EmoteRange[] = NONE;

  constructor(
    /** Known tag values by slot, or null when the line had no tag block. */
    readonly tags: TagValues | null,
    /** Tags we do not read ourselves (kept for completeness; Twitch adds new ones silently). */
    readonly extraTags: Record<string, string> | null,
    readonly prefix: string | null,
    readonly command: string,
    readonly params: string[],
  ) {}

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

/** Slot of the tag seen at each position of the previous tag block (-1 = unknown). */
const lastOrder = new Int16Array(64).fill(-1);

const BACKSLASH = 92;
const SEMI = 59;
const KEY_CODES = KNOWN_TAGS.map((key) => Uint16Array.from(key, (c) => c.charCodeAt(0)));
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

/** Tags whose values repeat across lines get an intern table each (see intern.ts). */
const INTERNED: (InternTable | null)[] = KNOWN_TAGS.map(() => null);
for (const key of [
  'badge-info',
  'badges',
  'color',
  'room-id',
  'user-type',
  'emotes',
  'msg-id',
  'vip',
] as const) {
  INTERNED[KNOWN_TAGS.indexOf(key)] = new InternTable();
}

/** End of the key if the tag at `pos` is `guess` followed by `=`, else -1. Compares every key character. */
function matchGuess(line: string, pos: number, end: number, guess: number): number {
  if (guess < 0) return -1;
  const key = KEY_CODES[guess];
  const keyEnd = pos + key.length;
  if (keyEnd >= end || line.charCodeAt(keyEnd) !== EQUALS) return -1;
  for (let i = 0; i < key.length; i++) if (line.charCodeAt(pos + i) !== key[i]) return -1;
  return keyEnd;
}

/** End (`;` or block end) of the value starting after `eq`; empty and one-character values skip indexOf. */
function valueEnd(line: string, eq: number, end: number): number {
  if (line.charCodeAt(eq + 1) === SEMI) return Math.min(eq + 1, end);
  if (line.charCodeAt(eq + 2) === SEMI) return Math.min(eq + 2, end);
  const semi = line.indexOf(';', eq + 1);
  return semi < 0 || semi > end ? end : semi;
}

function readValue(line: string, eq: number, semi: number, slot: number, escaped: boolean): string {
  if (semi <= eq + 1) return '';
  if (escaped) return unescapeTagValue(line.slice(eq + 1, semi));
  const table = slot >= 0 ? INTERNED[slot] : null;
  return table === null ? line.slice(eq + 1, semi) : table.intern(line, eq + 1, semi);
}

/**
 * Parses the tag block `line[pos, end)` into `values`/extras; returns the extras object (or null).
 * Twitch sends tags in the same order line after line, so the tag seen at this position in the previous line
 * is tried first: a hit needs no '=' search and no hash (measured: the largest win after slot storage).
 */
function parseTags(line: string, pos: number, end: number, values: TagValues): Record<string, string> | null {
  let extras: Record<string, string> | null = null;
  let backslash = line.indexOf('\\', pos);
  if (backslash < 0 || backslash > end) backslash = end;
  for (let index = 0; pos < end; index++) {
    let slot = lastOrder[index & 63];
    let eq = matchGuess(line, pos, end, slot);
    let semi: number;
    if (eq >= 0) semi = valueEnd(line, eq, end);
    else {
      semi = line.indexOf(';', pos);
      if (semi < 0 || semi > end) semi = end;
      eq = line.indexOf('=', pos);
      if (eq < 0 || eq > semi) eq = semi;
      slot = eq > pos ? lookupTag(line, pos, eq) : -1;
      lastOrder[index & 63] = slot;
    }
    if (eq > pos && slot < IGNORED_TAGS_FROM) {
      const value = readValue(line, eq, semi, slot, backslash < semi);
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
  return new IrcMessage(tags, extras, prefix, command, params);
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
