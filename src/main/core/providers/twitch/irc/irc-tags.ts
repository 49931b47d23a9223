/**
 * The Twitch tags we read, each with a fixed slot. A parsed line stores known tag values in an array indexed
 * by these ids instead of a dictionary keyed by strings: no key slicing, no property-name internalization, and
 * one hidden class for every line whatever order Twitch sends its tags in (real lines arrive in random order).
 * Measured in bench/irc-parse.bench.ts: this was the largest single win over a `Record<string, string>`.
 */

/** A PRIVMSG's tags: every tagged line gets a slot array this long (a rarer tag grows it). */
const COMMON_TAGS = [
  'badge-info',
  'badges',
  'bits',
  'client-nonce',
  'color',
  'display-name',
  'emotes',
  'first-msg',
  'id',
  'mod',
  'returning-chatter',
  'room-id',
  'subscriber',
  'tmi-sent-ts',
  'user-id',
  'user-type',
  'vip',
] as const;

/** Replies, shared chat, USERNOTICE, CLEARCHAT, ROOMSTATE …: slots past the common array. */
const RARE_TAGS = [
  'msg-id',
  'login',
  'reply-parent-msg-id',
  'reply-parent-user-id',
  'reply-parent-user-login',
  'reply-parent-display-name',
  'reply-parent-msg-body',
  'reply-thread-parent-msg-id',
  'source-room-id',
  'source-id',
  'source-badges',
  'source-badge-info',
  'source-msg-id',
  'system-msg',
  'target-msg-id',
  'target-user-id',
  'ban-duration',
  'emote-only',
  'followers-only',
  'r9k',
  'slow',
  'subs-only',
  'emote-sets',
  'msg-param-cumulative-months',
  'msg-param-months',
  'msg-param-streak-months',
  'msg-param-sub-plan',
  'msg-param-sub-plan-name',
  'msg-param-recipient-id',
  'msg-param-recipient-user-name',
  'msg-param-recipient-display-name',
  'msg-param-mass-gift-count',
  'msg-param-sender-count',
  'msg-param-origin-id',
  'msg-param-community-gift-id',
  'msg-param-gift-months',
  'msg-param-sender-login',
  'msg-param-sender-name',
  'msg-param-viewerCount',
  'msg-param-login',
  'msg-param-displayName',
  'msg-param-color',
  'msg-param-threshold',
  'msg-param-category',
  'msg-param-value',
] as const;

/** Legacy or third-party tags we never read: recognised and skipped without slicing their values. */
const IGNORED_TAGS = ['flags', 'turbo', 'historical', 'rm-received-ts'] as const;

export const KNOWN_TAGS = [...COMMON_TAGS, ...RARE_TAGS, ...IGNORED_TAGS] as const;

/** Slots allocated with every tagged line. 17 instead of all 62 read tags saves ~100 B per retained message. */
export const COMMON_TAG_COUNT = COMMON_TAGS.length;
/** Slots from here on are recognised and skipped. */
export const IGNORED_TAGS_FROM = COMMON_TAGS.length + RARE_TAGS.length;

export type KnownTag = (typeof KNOWN_TAGS)[number];

/** Tag name → slot index. */
export const TAG = Object.fromEntries(KNOWN_TAGS.map((name, index) => [name, index])) as {
  readonly [K in KnownTag]: number;
};

const TABLE_SIZE = 1024;
const TABLE_MASK = TABLE_SIZE - 1;
/** Open-addressing table: slot index + 1, 0 = empty. */
const table = new Int16Array(TABLE_SIZE);
const keyLengths = KNOWN_TAGS.map((k) => k.length);

/** Cheap hash from the length and four characters; collisions are resolved by comparing the key. */
function hashKey(text: string, start: number, end: number): number {
  const length = end - start;
  return (
    (length * 131 +
      text.charCodeAt(start) * 31 +
      text.charCodeAt(start + (length >> 1)) * 7 +
      text.charCodeAt(end - 1) * 3 +
      text.charCodeAt(start + (length >> 2))) &
    TABLE_MASK
  );
}

for (let index = 0; index < KNOWN_TAGS.length; index++) {
  const key = KNOWN_TAGS[index];
  let slot = hashKey(key, 0, key.length);
  while (table[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  table[slot] = index + 1;
}

/** Slot of the key `text[start, end)`, or -1 when it is not a tag we read. */
export function lookupTag(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1) return -1;
  let slot = hashKey(text, start, end);
  for (;;) {
    const entry = table[slot];
    if (entry === 0) return -1;
    const index = entry - 1;
    if (keyLengths[index] === length && text.startsWith(KNOWN_TAGS[index], start)) return index;
    slot = (slot + 1) & TABLE_MASK;
  }
}
