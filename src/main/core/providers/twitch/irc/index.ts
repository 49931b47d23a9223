export { createTwitchIrcSource, type TwitchIrcDeps } from './twitch-irc-source';
export { parseIrcLine, parseTwitchLine, forEachLine, tagsToRecord, IrcMessage } from './irc-parser';
export { unescapeTagValue } from './tag-block';
export { decodeBadges, decodeEmotes } from './tag-decode';
export { IrcEventMapper } from './irc-mapper';
