import { COMMON_TAG_COUNT, KNOWN_TAGS, TAG } from './irc-tags';
import { HEADER_WORD, PARAMS_WORD, POOL_ENTRIES, TAGS_WORD, scanLine, words } from './line-scanner';
import { NO_BADGES, decodeBadges, decodeEmotes } from './tag-decode';

/**
 * IRCv3 line parser tuned for Twitch. The WebAssembly line scanner (line-scanner.ts) finds every position —
 * tag keys matched to slots (irc-tags.ts), values, prefix, command, params — and this file builds the strings:
 * one slice per value, unescaped only when the scanner saw a backslash in it, repeating values (badges, colour,
 * room id) taken from the scanner's value pool without a new string. Measured in bench/irc-parse.bench.ts.
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

const COLON = 58;
const EQUALS = 61;

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
    else if (next === 92) out += '\\';
    else if (next === 114) out += '\r';
    else if (next === 110) out += '\n';
    else out += value[at + 1];
    from = at + 2;
    at = value.indexOf('\\', from);
  }
  return from === 0 ? value : out + value.slice(from);
}

/** The value held by each entry of the scanner's pool, and its decoded badge list once asked for. */
const poolValues: string[] = new Array<string>(POOL_ENTRIES).fill('');
const poolBadges: (readonly BadgeRef[] | null)[] = new Array<readonly BadgeRef[] | null>(POOL_ENTRIES).fill(
  null,
);

function pooledBadges(entry: number): readonly BadgeRef[] {
  return (poolBadges[entry] ??= decodeBadges(poolValues[entry]));
}

// Slots read on every line, as constants (TAG is a 66-key object: no property lookup in the loop).
const BADGES = TAG.badges;
const BADGE_INFO = TAG['badge-info'];
const EMOTES = TAG.emotes;

/** Decoded badges / badge-info of the line being read, when their value came from the pool. */
let lineBadges: readonly BadgeRef[] | null = null;
let lineBadgeInfo: readonly BadgeRef[] | null = null;

/**
 * Builds the tag values from the scanner's TAGS records (`offset` maps its positions to `text`). Records are read
 * in line order, after the scanner finished the whole line: a pool entry that a later tag of the same line
 * replaced is still read with the value it had, because JS updates `poolValues` only when it reaches that tag.
 */
function readTags(
  text: string,
  offset: number,
  count: number,
  values: TagValues,
): Record<string, string> | null {
  lineBadges = null;
  lineBadgeInfo = null;
  let extras: Record<string, string> | null = null;
  for (let word = TAGS_WORD, k = 0; k < count; k++, word += 4) {
    const slot = words[word];
    const start = words[word + 1] + offset;
    const end = words[word + 2] + offset;
    const info = words[word + 3];
    let value = '';
    if (slot >= 0) {
      let pooled = -1;
      if (end > start) {
        if (info === 0) value = text.slice(start, end);
        else if (info === 1) value = unescapeTagValue(text.slice(start, end));
        else {
          pooled = info >> 2;
          if ((info & 1) === 0) value = poolValues[pooled];
          else {
            value = poolValues[pooled] = text.slice(start, end);
            poolBadges[pooled] = null;
          }
        }
      }
      values[slot] = value;
      if (slot === BADGES) lineBadges = pooled >= 0 ? pooledBadges(pooled) : null;
      else if (slot === BADGE_INFO) lineBadgeInfo = pooled >= 0 ? pooledBadges(pooled) : null;
    } else {
      if (end > start)
        value = (info & 1) === 1 ? unescapeTagValue(text.slice(start, end)) : text.slice(start, end);
      const keyStart = (info >> 1) + offset;
      // The key ends at the '=' before the value, or where the value would start when there is none.
      const keyEnd = start > keyStart && text.charCodeAt(start - 1) === EQUALS ? start - 1 : start;
      (extras ??= {})[text.slice(keyStart, keyEnd)] = value;
    }
  }
  return extras;
}

function readParams(text: string, offset: number, count: number): string[] {
  const at = PARAMS_WORD;
  // The common `#channel :text` shape as one two-element literal instead of a growing array.
  if (count === 2) {
    return [
      text.slice(words[at] + offset, words[at + 1] + offset),
      text.slice(words[at + 2] + offset, words[at + 3] + offset),
    ];
  }
  const params: string[] = [];
  for (let i = 0; i < count; i++) {
    params.push(text.slice(words[at + 2 * i] + offset, words[at + 2 * i + 1] + offset));
  }
  return params;
}

/**
 * Parse one IRC line: `text[start, end)` without CR/LF (the whole string by default). Returns null for a malformed
 * line (no command, tag block or prefix without end, longer than MAX_LINE_CHARS).
 */
export function parseIrcLine(text: string, start = 0, end = text.length): IrcMessage | null {
  return parseLine(text, start, end, false);
}

/** `parseIrcLine`, plus with `decode` the badges, badge-info and emote ranges (`parseTwitchLine`). */
export function parseLine(text: string, start: number, end: number, decode: boolean): IrcMessage | null {
  const offset = scanLine(text, start, end);
  if (offset < 0) return null;
  const header = HEADER_WORD;
  const tagCount = words[header];
  let tags: TagValues | null = null;
  let extras: Record<string, string> | null = null;
  if (tagCount >= 0) {
    // A line with a rare tag (USERNOTICE, ROOMSTATE …) gets an array up to its highest slot at once instead of
    // V8 growing it store by store (measured: ~15 % on USERNOTICEs).
    const highest = words[header + 7];
    tags =
      highest < COMMON_TAG_COUNT
        ? new Array<string | undefined>(COMMON_TAG_COUNT)
        : new Array<string | undefined>(highest + 1);
    extras = readTags(text, offset, tagCount, tags);
  }
  const prefixStart = words[header + 1];
  const prefix = prefixStart >= 0 ? text.slice(prefixStart + offset, words[header + 2] + offset) : null;
  // The overwhelmingly common command is a constant instead of a fresh 7-char copy.
  const command =
    words[header + 5] === 1 ? 'PRIVMSG' : text.slice(words[header + 3] + offset, words[header + 4] + offset);
  const params = readParams(text, offset, words[header + 6]);
  if (!decode || tags === null)
    return new IrcMessage(tags, extras, prefix, command, params, NONE, NONE, NONE);
  const badges = tags[BADGES];
  const badgeInfo = tags[BADGE_INFO];
  return new IrcMessage(
    tags,
    extras,
    prefix,
    command,
    params,
    badges ? (lineBadges ?? decodeBadges(badges)) : NO_BADGES,
    badgeInfo ? (lineBadgeInfo ?? decodeBadges(badgeInfo)) : NO_BADGES,
    decodeEmotes(tags[EMOTES]),
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
