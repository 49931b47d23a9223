import { createHash, randomUUID } from 'node:crypto';

/** Helpers that build server lines the way Twitch formats them (docs/protocol-twitch.md §1). */

export const SERVER = 'tmi.twitch.tv';

/** Stable numeric id for a login or channel (Twitch ids are numeric strings). */
export function numericId(name: string): string {
  const digest = createHash('sha1').update(name).digest();
  return String(10_000_000 + (digest.readUInt32BE(0) % 900_000_000));
}

export function escapeTagValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\:')
    .replace(/ /g, '\\s')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

export function formatTags(tags: Record<string, string>): string {
  return `@${Object.entries(tags)
    .map(([key, value]) => `${key}=${escapeTagValue(value)}`)
    .join(';')}`;
}

export interface UserView {
  login: string;
  mod: boolean;
  broadcaster: boolean;
}

export function badgesOf(user: UserView): string {
  if (user.broadcaster) return 'broadcaster/1';
  return user.mod ? 'moderator/1' : '';
}

export function userStateTags(user: UserView, messageId?: string): Record<string, string> {
  const tags: Record<string, string> = {
    'badge-info': '',
    badges: badgesOf(user),
    color: '#1E90FF',
    'display-name': user.login,
    'emote-sets': '0',
  };
  if (messageId) tags.id = messageId;
  return {
    ...tags,
    mod: user.mod ? '1' : '0',
    subscriber: '0',
    turbo: '0',
    'user-type': user.mod ? 'mod' : '',
  };
}

export function privmsgLine(
  user: UserView,
  channel: string,
  text: string,
  extra: Record<string, string>,
  id: string = randomUUID(),
): string {
  const tags: Record<string, string> = {
    'badge-info': '',
    badges: badgesOf(user),
    ...extra,
    color: '#1E90FF',
    'display-name': user.login,
    emotes: '',
    'first-msg': '0',
    flags: '',
    id,
    mod: user.mod ? '1' : '0',
    'returning-chatter': '0',
    'room-id': numericId(channel),
    subscriber: '0',
    'tmi-sent-ts': String(Date.now()),
    turbo: '0',
    'user-id': numericId(user.login),
    'user-type': user.mod ? 'mod' : '',
  };
  return `${formatTags(tags)} :${user.login}!${user.login}@${user.login}.${SERVER} PRIVMSG #${channel} :${text}`;
}

export function fullRoomState(channel: string): string {
  const tags = {
    'emote-only': '0',
    'followers-only': '-1',
    r9k: '0',
    'room-id': numericId(channel),
    slow: '0',
    'subs-only': '0',
  };
  return `${formatTags(tags)} :${SERVER} ROOMSTATE #${channel}`;
}

export function notice(channel: string, msgId: string, text: string): string {
  return `@msg-id=${msgId} :${SERVER} NOTICE #${channel} :${text}`;
}

const CHANNEL_COMMANDS = new Set([
  'PRIVMSG',
  'USERNOTICE',
  'CLEARCHAT',
  'CLEARMSG',
  'ROOMSTATE',
  'USERSTATE',
  'NOTICE',
  'JOIN',
  'PART',
  'HOSTTARGET',
]);

/** Point a captured line at another channel (the first `#param` after the command). */
export function rewriteChannel(line: string, channel: string): string {
  let pos = 0;
  if (line.startsWith('@')) pos = line.indexOf(' ') + 1;
  if (line[pos] === ':') pos = line.indexOf(' ', pos) + 1;
  if (pos <= 0) return line;
  const commandEnd = line.indexOf(' ', pos);
  if (commandEnd < 0 || !CHANNEL_COMMANDS.has(line.slice(pos, commandEnd))) return line;
  const hash = line.indexOf('#', commandEnd);
  if (hash !== commandEnd + 1) return line;
  let end = line.indexOf(' ', hash);
  if (end < 0) end = line.length;
  return `${line.slice(0, hash + 1)}${channel}${line.slice(end)}`;
}
