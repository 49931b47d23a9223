import type { Alert, Author, Badge, ChatMessage, Role, SourceRef } from '../../../../../shared/events';
import { lookupTable } from '../../../../../shared/lookup';
import type { IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import { buildParts } from './message-parts';
import type { BadgeRef } from './tag-decode';

/** What mapping needs besides the line: where it came from and the local clock. */
export interface MapContext {
  ref: SourceRef;
  now: number;
  /** Fallback id for lines without an `id` tag. */
  localId(): string;
}

/** Keyed by the line's badge set ids: a Map (lookupTable), so `__proto__` or `toString` find nothing. */
const BADGE_TITLES = lookupTable({
  broadcaster: 'Broadcaster',
  moderator: 'Moderator',
  vip: 'VIP',
  staff: 'Staff',
  admin: 'Admin',
  global_mod: 'Global Moderator',
  partner: 'Verified',
  premium: 'Prime Gaming',
  turbo: 'Turbo',
  founder: 'Founder',
  artist: 'Artist',
  no_audio: 'Watching without audio',
  no_video: 'Listening only',
});

function titleFor(badge: BadgeRef, info: string | undefined): string {
  if (badge.setId === 'subscriber') return info ? `Subscriber (${info} months)` : 'Subscriber';
  if (badge.setId === 'founder' && info) return `Founder (${info} months)`;
  if (badge.setId === 'bits') return `Bits (${badge.version})`;
  const known = BADGE_TITLES.get(badge.setId);
  if (known) return known;
  const words = badge.setId.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : badge.setId;
}

export function toBadges(badges: readonly BadgeRef[], badgeInfo: readonly BadgeRef[]): Badge[] {
  return badges.map((badge) => {
    const info = badgeInfo.find((item) => item.setId === badge.setId)?.version;
    const out: Badge = { setId: badge.setId, version: badge.version, title: titleFor(badge, info) };
    if (info) out.info = info;
    return out;
  });
}

export function rolesOf(message: IrcMessage, badges: readonly BadgeRef[]): Role[] {
  const roles: Role[] = [];
  const has = (set: string): boolean => badges.some((badge) => badge.setId === set);
  if (has('broadcaster')) roles.push('broadcaster');
  if (has('moderator') || message.tag(TAG.mod) === '1') roles.push('moderator');
  if (has('vip') || message.tag(TAG.vip) === '1') roles.push('vip');
  if (has('subscriber') || has('founder') || message.tag(TAG.subscriber) === '1') roles.push('subscriber');
  if (has('founder')) roles.push('founder');
  const userType = message.tag(TAG['user-type']);
  if (has('staff') || userType === 'staff' || userType === 'admin') roles.push('staff');
  return roles;
}

export function authorOf(message: IrcMessage, login: string): Author {
  const color = message.tag(TAG.color);
  return {
    id: message.tag(TAG['user-id']) ?? '',
    login,
    displayName: message.tag(TAG['display-name']) || login,
    color: color && /^#[0-9a-f]{6}$/i.test(color) ? color : null,
    badges: toBadges(message.badges, message.badgeInfo),
    roles: rolesOf(message, message.badges),
  };
}

export function serverTimeOf(message: IrcMessage, fallback: number): number {
  const ts = Number(message.tag(TAG['tmi-sent-ts']));
  return Number.isFinite(ts) && ts > 0 ? ts : fallback;
}

/** `\x01ACTION text\x01` → the text, or null when the message is not a /me action. */
function stripAction(text: string): string | null {
  if (!text.startsWith('\x01ACTION')) return null;
  const body = text.slice(7, text.endsWith('\x01') ? -1 : undefined);
  return body.startsWith(' ') ? body.slice(1) : body;
}

function replyOf(message: IrcMessage): ChatMessage['reply'] {
  const parentId = message.tag(TAG['reply-parent-msg-id']);
  if (!parentId) return null;
  return {
    parentId,
    parentAuthor:
      message.tag(TAG['reply-parent-display-name']) || message.tag(TAG['reply-parent-user-login']) || '',
    parentText: message.tag(TAG['reply-parent-msg-body']) ?? '',
  };
}

/** What differs between a PRIVMSG and the other lines that carry a viewer's words (map-notice-chat.ts). */
export interface ChatLineFields {
  login: string;
  text: string;
  parts: ChatMessage['parts'];
  flags: ChatMessage['flags'];
  reply: ChatMessage['reply'];
}

/** A chat line from a tagged IRC line: id, author, times, shared-chat origin and Twitch extras from the tags. */
export function chatLine(message: IrcMessage, ctx: MapContext, fields: ChatLineFields): ChatMessage {
  const id = message.tag(TAG.id);
  const roomId = message.tag(TAG['room-id']);
  const sourceRoom = message.tag(TAG['source-room-id']);
  const chat: ChatMessage = {
    kind: 'chat',
    id: id || ctx.localId(),
    source: ctx.ref,
    author: authorOf(message, fields.login),
    parts: fields.parts,
    text: fields.text,
    flags: fields.flags,
    reply: fields.reply,
    serverTime: serverTimeOf(message, ctx.now),
    receivedAt: ctx.now,
    targetable: Boolean(id),
    extras: {
      twitch: { roomId, userType: message.tag(TAG['user-type']), msgId: message.tag(TAG['msg-id']) },
    },
  };
  if (sourceRoom && sourceRoom !== roomId) chat.flags.sharedFrom = sourceRoom;
  return chat;
}

/** PRIVMSG → ChatMessage. Null when the line has no text parameter. */
export function mapPrivmsg(message: IrcMessage, ctx: MapContext): ChatMessage | null {
  if (message.params.length < 2) return null;
  const raw = message.params[message.params.length - 1];
  const actionText = stripAction(raw);
  const text = actionText ?? raw;
  const bits = Number(message.tag(TAG.bits) ?? 0);
  const cheered = Number.isInteger(bits) && bits > 0 ? bits : 0;
  const chat = chatLine(message, ctx, {
    login: message.nick.toLowerCase(),
    text,
    // An action's emote ranges index the text without the `\x01ACTION ` wrapper (as Twitch sends them).
    parts: buildParts(text, message.emotes, cheered),
    flags: {
      action: actionText !== null,
      firstMessage: message.tag(TAG['first-msg']) === '1',
      returningChatter: message.tag(TAG['returning-chatter']) === '1',
      highlighted: message.tag(TAG['msg-id']) === 'highlighted-message',
    },
    reply: replyOf(message),
  });
  if (cheered) chat.flags.bits = cheered;
  const nonce = message.tag(TAG['client-nonce']);
  if (nonce && chat.extras?.twitch) chat.extras.twitch.clientNonce = nonce;
  return chat;
}

/** Twitch's stand-in login for anonymous cheers (EventSub says `is_anonymous` with null user fields). */
const ANONYMOUS_CHEERER = 'ananonymouscheerer';

/** A cheer in chat is also an alert. Anonymous cheers carry no user, like EventSub's, so both de-duplicate. */
export function cheerAlert(chat: ChatMessage): Alert {
  const anonymous = chat.author.login.toLowerCase() === ANONYMOUS_CHEERER;
  return {
    kind: 'alert',
    id: `cheer:${chat.id}`,
    source: chat.source,
    alertType: 'cheer',
    user: anonymous
      ? { id: null, login: null, displayName: 'Anonymous' }
      : {
          id: chat.author.id || null,
          login: chat.author.login,
          displayName: chat.author.displayName,
          color: chat.author.color,
          badges: chat.author.badges,
        },
    bits: chat.flags.bits,
    message: chat.parts,
    serverTime: chat.serverTime,
    receivedAt: chat.receivedAt,
  };
}
