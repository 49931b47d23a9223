import { randomUUID } from 'node:crypto';
import { sendJson } from './http-util';
import {
  fail,
  jsonBody,
  requireModerator,
  requireScope,
  type HelixContext,
  type HelixHandler,
} from './helix-context';
import type { FakeChatSettings } from './moderation-record';
import type { FakeUser } from './state';

/** A `GET /users` row: every field Twitch documents except `email` (needs `user:read:email`). */
function userRow(u: FakeUser): Record<string, unknown> {
  return {
    id: u.id,
    login: u.login,
    display_name: u.displayName,
    type: u.type ?? '',
    broadcaster_type: u.broadcasterType ?? '',
    description: u.description ?? '',
    profile_image_url:
      u.profileImageUrl ??
      `https://static-cdn.jtvnw.net/jtv_user_pictures/${u.login}-profile_image-300x300.png`,
    offline_image_url: '',
    view_count: 0,
    created_at: u.createdAt ?? '2016-05-20T12:00:00Z',
  };
}

function getUsers(ctx: HelixContext): void {
  const ids = ctx.query.getAll('id');
  const logins = ctx.query.getAll('login').map((l) => l.toLowerCase());
  if (ids.length + logins.length > 100)
    return void fail(ctx, 400, 'The request exceeds the maximum of 100 ids and logins.');
  const wanted =
    ids.length + logins.length === 0
      ? [ctx.store.usersById.get(ctx.token.userId)]
      : [
          ...ids.map((id) => ctx.store.usersById.get(id)),
          ...logins.map((l) => ctx.store.usersByLogin.get(l)),
        ];
  const seen = new Set<string>();
  const data = wanted.flatMap((u) => {
    if (!u || seen.has(u.id)) return [];
    seen.add(u.id);
    return [userRow(u)];
  });
  sendJson(ctx.res, 200, { data });
}

function getChatSettings(ctx: HelixContext): void {
  const broadcasterId = ctx.query.get('broadcaster_id');
  if (!broadcasterId || !ctx.store.usersById.has(broadcasterId)) {
    return void fail(ctx, 400, 'Missing required parameter "broadcaster_id"');
  }
  const {
    non_moderator_chat_delay: _d,
    non_moderator_chat_delay_duration: _dd,
    ...open
  } = ctx.mod.settingsFor(broadcasterId);
  sendJson(ctx.res, 200, { data: [{ broadcaster_id: broadcasterId, ...open }] });
}

type Patch = Partial<Record<keyof FakeChatSettings, unknown>>;

/** Twitch's flag + duration rules: a duration needs its flag true; flag false clears the duration. */
function applyDuration(
  next: FakeChatSettings,
  patch: Patch,
  flag: 'slow_mode' | 'follower_mode',
  field: 'slow_mode_wait_time' | 'follower_mode_duration',
  range: [number, number, number],
): string | null {
  const value = patch[field];
  if (patch[flag] !== undefined && typeof patch[flag] !== 'boolean')
    return `The value in ${flag} is not valid.`;
  if (value !== undefined && value !== null) {
    if (!Number.isInteger(value) || (value as number) < range[0] || (value as number) > range[1]) {
      return `The value in the ${field} field must be in the range ${range[0]} through ${range[1]}.`;
    }
    if (patch[flag] !== true) return `To set ${field}, ${flag} must be true.`;
  }
  if (patch[flag] === true)
    Object.assign(next, { [flag]: true, [field]: (value as number | undefined) ?? range[2] });
  if (patch[flag] === false) Object.assign(next, { [flag]: false, [field]: null });
  return null;
}

async function patchChatSettings(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'moderator:manage:chat_settings')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const patch = (await jsonBody(ctx)) as Patch | null;
  if (!patch) return;
  const next = { ...ctx.mod.settingsFor(broadcasterId) };
  for (const key of ['emote_mode', 'subscriber_mode', 'unique_chat_mode'] as const) {
    if (patch[key] === undefined) continue;
    if (typeof patch[key] !== 'boolean') return void fail(ctx, 400, `The value in ${key} is not valid.`);
    next[key] = patch[key];
  }
  const error =
    applyDuration(next, patch, 'slow_mode', 'slow_mode_wait_time', [3, 120, 30]) ??
    applyDuration(next, patch, 'follower_mode', 'follower_mode_duration', [0, 129_600, 0]);
  if (error) return void fail(ctx, 400, error);
  ctx.mod.chatSettings.set(broadcasterId, next);
  ctx.mod.emit({ type: 'chatSettings', broadcasterId, moderatorId: ctx.token.userId, settings: { ...next } });
  sendJson(ctx.res, 200, {
    data: [{ broadcaster_id: broadcasterId, moderator_id: ctx.token.userId, ...next }],
  });
}

async function postChatMessage(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'user:write:chat')) return;
  const body = await jsonBody(ctx);
  if (!body) return;
  const { broadcaster_id: broadcasterId, sender_id: senderId, message } = body;
  if (typeof broadcasterId !== 'string' || !ctx.store.usersById.has(broadcasterId)) {
    return void fail(ctx, 400, 'The ID in broadcaster_id is not valid.');
  }
  if (senderId !== ctx.token.userId) {
    return void fail(
      ctx,
      401,
      "The ID in sender_id must match the user ID found in the request's OAuth token.",
    );
  }
  if (typeof message !== 'string' || !message.trim())
    return void fail(ctx, 400, 'Missing required parameter "message"');
  if (message.length > 500) return void fail(ctx, 422, 'The message is too long.');
  const dropped = dropReason(ctx, broadcasterId, message);
  if (dropped)
    return sendJson(ctx.res, 200, { data: [{ message_id: '', is_sent: false, drop_reason: dropped }] });
  const messageId = randomUUID();
  const replyTo = typeof body.reply_parent_message_id === 'string' ? body.reply_parent_message_id : undefined;
  ctx.mod.messages.set(messageId, {
    broadcasterId,
    senderId: ctx.token.userId,
    sentAt: ctx.now,
    text: message,
  });
  ctx.mod.emit({
    type: 'chatMessage',
    broadcasterId,
    senderId: ctx.token.userId,
    messageId,
    text: message,
    replyTo,
  });
  sendJson(ctx.res, 200, { data: [{ message_id: messageId, is_sent: true, drop_reason: null }] });
}

function dropReason(
  ctx: HelixContext,
  broadcasterId: string,
  message: string,
): { code: string; message: string } | null {
  if (ctx.mod.activeBan(broadcasterId, ctx.token.userId, ctx.now)) {
    return { code: 'msg_banned', message: 'You are banned from talking in this channel.' };
  }
  const last = [...ctx.mod.messages.values()]
    .filter((m) => m.broadcasterId === broadcasterId && m.senderId === ctx.token.userId)
    .at(-1);
  if (last && last.text === message && ctx.now - last.sentAt < 30_000) {
    return {
      code: 'msg_duplicate',
      message: 'Your message is identical to the one you sent within the last 30 seconds.',
    };
  }
  return null;
}

export const chatRoutes: Record<string, HelixHandler> = {
  'GET /users': getUsers,
  'GET /chat/settings': getChatSettings,
  'PATCH /chat/settings': patchChatSettings,
  'POST /chat/messages': postChatMessage,
};
