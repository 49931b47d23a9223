import type {
  ChatModes,
  ModesEvent,
  Notice,
  NoticeLevel,
  Presence,
  Removal,
} from '../../../../../shared/events';
import type { IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import { serverTimeOf, type MapContext } from './map-chat';

/** CLEARCHAT: login + `ban-duration` → timeout; login alone → ban; no login → the whole chat was cleared. */
export function mapClearChat(message: IrcMessage, ctx: MapContext): Removal {
  const login = message.params.length >= 2 ? message.params[message.params.length - 1].toLowerCase() : '';
  const at = serverTimeOf(message, ctx.now);
  if (!login)
    return {
      kind: 'removal',
      source: ctx.ref,
      target: { type: 'all' },
      reason: 'clear',
      confirmed: true,
      at,
    };
  const userId = message.tag(TAG['target-user-id']) || undefined;
  const duration = Number(message.tag(TAG['ban-duration']));
  const removal: Removal = {
    kind: 'removal',
    source: ctx.ref,
    target: { type: 'user', userId, login },
    reason: Number.isFinite(duration) && duration > 0 ? 'timeout' : 'ban',
    confirmed: true,
    at,
  };
  if (removal.reason === 'timeout') removal.durationSeconds = duration;
  return removal;
}

/** CLEARMSG: one message deleted. Null without `target-msg-id`. */
export function mapClearMsg(message: IrcMessage, ctx: MapContext): Removal | null {
  const messageId = message.tag(TAG['target-msg-id']);
  if (!messageId) return null;
  return {
    kind: 'removal',
    source: ctx.ref,
    target: { type: 'message', messageId },
    reason: 'delete',
    confirmed: true,
    at: serverTimeOf(message, ctx.now),
  };
}

const flag = (value: string | undefined): boolean | undefined =>
  value === undefined || value === '' ? undefined : value !== '0';

function intOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/** ROOMSTATE (full after JOIN, partial on change) → the modes it carries. */
export function mapRoomState(message: IrcMessage, ctx: MapContext): ModesEvent {
  const modes: Partial<ChatModes> = {};
  const emoteOnly = flag(message.tag(TAG['emote-only']));
  if (emoteOnly !== undefined) modes.emoteOnly = emoteOnly;
  const subsOnly = flag(message.tag(TAG['subs-only']));
  if (subsOnly !== undefined) modes.subsOnly = subsOnly;
  const unique = flag(message.tag(TAG.r9k));
  if (unique !== undefined) modes.uniqueChat = unique;
  const slow = intOf(message.tag(TAG.slow));
  if (slow !== undefined) modes.slowSeconds = Math.max(0, slow);
  const followers = intOf(message.tag(TAG['followers-only']));
  if (followers !== undefined) modes.followersOnlyMinutes = followers < 0 ? null : followers;
  const roomId = message.tag(TAG['room-id']);
  return { kind: 'modes', source: ctx.ref, modes, ...(roomId ? { extras: { twitch: { roomId } } } : {}) };
}

/** NOTICE msg-ids that mean something failed (for the sender or the join). */
export const FAILURE_NOTICES = new Set([
  'msg_duplicate',
  'msg_ratelimit',
  'msg_slowmode',
  'msg_timedout',
  'msg_banned',
  'msg_channel_suspended',
  'msg_subsonly',
  'msg_emoteonly',
  'msg_followersonly',
  'msg_followersonly_followed',
  'msg_followersonly_zero',
  'msg_r9k',
  'msg_verified_email',
  'msg_requires_verified_phone_number',
  'msg_rejected',
  'msg_rejected_mandatory',
  'msg_channel_blocked',
  'msg_bad_characters',
  'msg_suspended',
  'tos_ban',
  'no_permission',
  'unrecognized_cmd',
  'msg_msgtoolong',
]);

export function mapNotice(message: IrcMessage, ctx: MapContext, level?: NoticeLevel): Notice {
  const code = message.tag(TAG['msg-id']) || undefined;
  const text = message.params.length >= 2 ? message.params[message.params.length - 1] : (code ?? 'NOTICE');
  return {
    kind: 'notice',
    id: ctx.localId(),
    source: ctx.ref,
    level: level ?? (code && FAILURE_NOTICES.has(code) ? 'warning' : 'info'),
    code,
    text,
    at: ctx.now,
  };
}

/** Membership (twitch.tv/membership): JOIN/PART of one user, or a 353 NAMES list. Null when empty. */
export function mapMembership(message: IrcMessage, ctx: MapContext): Presence | null {
  if (message.command === '353') {
    const names = (message.params[message.params.length - 1] ?? '').split(' ').filter(Boolean);
    return names.length > 0 ? { kind: 'presence', source: ctx.ref, joined: names, left: [] } : null;
  }
  const login = message.nick.toLowerCase();
  if (!login || login.includes('.')) return null; // a server prefix, not a user
  return message.command === 'JOIN'
    ? { kind: 'presence', source: ctx.ref, joined: [login], left: [] }
    : { kind: 'presence', source: ctx.ref, joined: [], left: [login] };
}
