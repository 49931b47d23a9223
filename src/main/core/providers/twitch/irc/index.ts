export { createTwitchIrcSource, type TwitchIrcDeps } from './twitch-irc-source';
export { parseIrcLine, unescapeTagValue, forEachLine, tagsToRecord, IrcMessage } from './irc-parser';
export { parseTwitchLine, decodeBadges, decodeEmotes, type TwitchLine } from './twitch-decode';
export { IrcEventMapper } from './irc-mapper';
