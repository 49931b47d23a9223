/**
 * The Twitch tags we read, each with a fixed slot. A parsed line stores known tag values in an array indexed
 * by these ids instead of a dictionary keyed by strings: no key slicing, no property-name internalization, and
 * one hidden class for every line whatever order Twitch sends its tags in (real lines arrive in random order).
 * The line scanner (line-scanner.ts) matches keys to these slots.
 */
export const KNOWN_TAGS = [
  // Common on PRIVMSG (up to `vip`): the slot array of a line is this long unless it has a rarer tag.
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
  // Rare (USERNOTICE, CLEARCHAT, ROOMSTATE …).
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
  // Legacy or third-party tags we never read: recognised and skipped without slicing their values.
  'flags',
  'turbo',
  'historical',
  'rm-received-ts',
] as const;

/**
 * Slots below this are allocated with every tagged line (badge-info … vip: a PRIVMSG's tags); a line with a rarer
 * tag gets an array up to its highest slot. 17 instead of 29 saves ~100 B per retained message.
 */
export const COMMON_TAG_COUNT = 17;
/** Slots from here on are recognised and skipped. */
export const IGNORED_TAGS_FROM = 62;

export type KnownTag = (typeof KNOWN_TAGS)[number];

/** Tag name → slot index. */
export const TAG = Object.fromEntries(KNOWN_TAGS.map((name, index) => [name, index])) as {
  readonly [K in KnownTag]: number;
};

export const TAG_COUNT = KNOWN_TAGS.length;

/**
 * Tags whose values repeat from line to line: the scanner looks them up in its value pool, so a repeat costs no
 * new string, and a badge list is decoded once per distinct value.
 */
export const INTERNED_TAGS = [
  'badge-info',
  'badges',
  'color',
  'room-id',
] as const satisfies readonly KnownTag[];
