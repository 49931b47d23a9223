import { parseLine, type BadgeRef, type EmoteRange, type IrcMessage } from './irc-parser';

export type { BadgeRef, EmoteRange };
export { decodeBadges, decodeEmotes } from './tag-decode';

/**
 * A parsed line with Twitch's structured tags decoded (`badges`, `badgeInfo`, `emotes` filled in). The same
 * object as the IrcMessage: one allocation less per line than a wrapper (measured).
 */
export type TwitchLine = IrcMessage;

/** Parse and fully decode one line (tags unescaped, badges, badge-info, emote ranges). Null if malformed. */
export function parseTwitchLine(text: string, start = 0, end = text.length): TwitchLine | null {
  return parseLine(text, start, end, true);
}
