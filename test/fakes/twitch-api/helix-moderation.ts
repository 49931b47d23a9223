import { sendEmpty, sendJson } from './http-util';
import {
  dataBody,
  fail,
  jsonBody,
  requireModerator,
  requireScope,
  type HelixContext,
  type HelixHandler,
} from './helix-context';

const MAX_TIMEOUT = 1_209_600;
const SIX_HOURS = 6 * 3600_000;

async function postBan(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'moderator:manage:banned_users')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const data = await dataBody(ctx);
  if (!data) return;
  const userId = data.user_id;
  if (typeof userId !== 'string' || !userId)
    return void fail(ctx, 400, 'Missing required parameter "user_id"');
  if (!ctx.store.usersById.has(userId))
    return void fail(ctx, 400, 'The user specified in the user_id field does not exist.');
  if (ctx.store.isModerator(broadcasterId, userId)) {
    return void fail(ctx, 400, 'The user specified in the user_id field may not be banned.');
  }
  const duration = data.duration;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || (duration as number) < 1 || (duration as number) > MAX_TIMEOUT)
  ) {
    return void fail(ctx, 400, 'The value in the duration field is not valid.');
  }
  const reason = typeof data.reason === 'string' ? data.reason : '';
  if (reason.length > 500) return void fail(ctx, 400, 'The text in the reason field is too long.');
  const existing = ctx.mod.activeBan(broadcasterId, userId, ctx.now);
  if (existing && existing.expiresAt === null) return void fail(ctx, 400, 'user is already banned');
  const seconds = typeof duration === 'number' ? duration : null;
  const expiresAt = seconds === null ? null : ctx.now + seconds * 1000;
  const ban = { broadcasterId, userId, moderatorId: ctx.token.userId, reason, createdAt: ctx.now, expiresAt };
  ctx.mod.bans.set(`${broadcasterId}:${userId}`, ban);
  ctx.mod.emit({
    type: 'ban',
    broadcasterId,
    userId,
    moderatorId: ctx.token.userId,
    durationSeconds: seconds,
    reason,
  });
  sendJson(ctx.res, 200, {
    data: [
      {
        broadcaster_id: broadcasterId,
        moderator_id: ctx.token.userId,
        user_id: userId,
        created_at: new Date(ctx.now).toISOString(),
        end_time: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      },
    ],
  });
}

function deleteBan(ctx: HelixContext): void {
  if (!requireScope(ctx, 'moderator:manage:banned_users')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const userId = ctx.query.get('user_id');
  if (!userId) return void fail(ctx, 400, 'Missing required parameter "user_id"');
  if (!ctx.mod.activeBan(broadcasterId, userId, ctx.now)) return void fail(ctx, 400, 'user is not banned');
  ctx.mod.bans.delete(`${broadcasterId}:${userId}`);
  ctx.mod.emit({ type: 'unban', broadcasterId, userId, moderatorId: ctx.token.userId });
  sendEmpty(ctx.res);
}

function deleteChat(ctx: HelixContext): void {
  if (!requireScope(ctx, 'moderator:manage:chat_messages')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const messageId = ctx.query.get('message_id');
  const moderatorId = ctx.token.userId;
  if (!messageId) {
    ctx.mod.clears.push({ broadcasterId, at: ctx.now });
    ctx.mod.emit({ type: 'clear', broadcasterId, moderatorId });
    return sendEmpty(ctx.res);
  }
  // Ids the fake never saw (e.g. from the fake IRC server) are deletable; known ones follow Twitch's rules.
  const known = ctx.mod.messages.get(messageId);
  if (ctx.mod.deletedMessageIds.includes(messageId)) return void fail(ctx, 404, 'Message not found');
  if (known && known.broadcasterId !== broadcasterId) return void fail(ctx, 404, 'Message not found');
  if (known && ctx.now - known.sentAt > SIX_HOURS) return void fail(ctx, 404, 'Message not found');
  if (known?.senderId === broadcasterId)
    return void fail(ctx, 400, 'You may not delete the broadcaster’s messages.');
  if (known && ctx.store.isModerator(broadcasterId, known.senderId) && known.senderId !== moderatorId) {
    return void fail(ctx, 400, 'You may not delete another moderator’s messages.');
  }
  ctx.mod.deletedMessageIds.push(messageId);
  ctx.mod.emit({ type: 'delete', broadcasterId, messageId, moderatorId });
  sendEmpty(ctx.res);
}

async function postAutomod(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'moderator:manage:automod')) return;
  const body = await jsonBody(ctx);
  if (!body) return;
  const { user_id: userId, msg_id: msgId, action } = body;
  if (typeof userId !== 'string' || typeof msgId !== 'string')
    return void fail(ctx, 400, 'Missing required parameter');
  if (action !== 'ALLOW' && action !== 'DENY')
    return void fail(ctx, 400, 'The value in the action field is not valid.');
  if (userId !== ctx.token.userId) {
    return void fail(
      ctx,
      401,
      "The ID in user_id must match the user ID found in the request's OAuth token.",
    );
  }
  const hold = ctx.mod.automodHolds.get(msgId);
  if (!hold || hold.status !== 'pending')
    return void fail(ctx, 404, 'The message specified in the msg_id field was not found.');
  if (!ctx.store.isModerator(hold.broadcasterId, userId)) {
    return void fail(ctx, 403, "The user in user_id is not one of the broadcaster's moderators.");
  }
  hold.status = action;
  ctx.mod.emit({
    type: 'automod',
    broadcasterId: hold.broadcasterId,
    messageId: msgId,
    action,
    moderatorId: userId,
  });
  sendEmpty(ctx.res);
}

async function postWarning(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'moderator:manage:warnings')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const data = await dataBody(ctx);
  if (!data) return;
  const { user_id: userId, reason } = data;
  if (typeof userId !== 'string' || !ctx.store.usersById.has(userId)) {
    return void fail(ctx, 400, 'The user specified in the user_id field does not exist.');
  }
  if (typeof reason !== 'string' || !reason)
    return void fail(ctx, 400, 'Missing required parameter "reason"');
  if (reason.length > 500) return void fail(ctx, 400, 'The text in the reason field is too long.');
  const warning = { broadcasterId, userId, moderatorId: ctx.token.userId, reason };
  ctx.mod.warnings.push(warning);
  ctx.mod.emit({ type: 'warn', ...warning });
  sendJson(ctx.res, 200, {
    data: [{ broadcaster_id: broadcasterId, user_id: userId, moderator_id: ctx.token.userId, reason }],
  });
}

const ANNOUNCE_COLORS = ['primary', 'blue', 'green', 'orange', 'purple'];

async function postAnnouncement(ctx: HelixContext): Promise<void> {
  if (!requireScope(ctx, 'moderator:manage:announcements')) return;
  const broadcasterId = requireModerator(ctx);
  if (!broadcasterId) return;
  const body = await jsonBody(ctx);
  if (!body) return;
  const message = typeof body.message === 'string' ? body.message : '';
  const color = body.color === undefined ? 'primary' : body.color;
  if (!message) return void fail(ctx, 400, 'Missing required parameter "message"');
  if (typeof color !== 'string' || !ANNOUNCE_COLORS.includes(color))
    return void fail(ctx, 400, 'The color is not valid.');
  const last = ctx.mod.announcements.filter((a) => a.broadcasterId === broadcasterId).at(-1);
  if (last && ctx.now - last.at < 2000)
    return void fail(ctx, 429, 'You may send only one announcement every 2 seconds.');
  ctx.mod.announcements.push({ broadcasterId, message: message.slice(0, 500), color, at: ctx.now });
  ctx.mod.emit({
    type: 'announcement',
    broadcasterId,
    moderatorId: ctx.token.userId,
    message: message.slice(0, 500),
    color,
  });
  sendEmpty(ctx.res);
}

function postShoutout(ctx: HelixContext, offline: Set<string>): void {
  if (!requireScope(ctx, 'moderator:manage:shoutouts')) return;
  const from = requireModerator(ctx, 'from_broadcaster_id');
  if (!from) return;
  const to = ctx.query.get('to_broadcaster_id');
  if (!to || !ctx.store.usersById.has(to))
    return void fail(ctx, 400, 'The ID in to_broadcaster_id is not valid.');
  if (to === from) return void fail(ctx, 400, 'The broadcaster may not give themselves a Shoutout.');
  if (offline.has(from)) {
    return void fail(ctx, 400, 'The broadcaster is not streaming live or does not have one or more viewers.');
  }
  const mine = ctx.mod.shoutouts.filter((s) => s.broadcasterId === from);
  if (mine.some((s) => ctx.now - s.at < 120_000))
    return void fail(ctx, 429, 'Shoutouts are limited to one every 2 minutes.');
  if (mine.some((s) => s.toBroadcasterId === to && ctx.now - s.at < 3600_000)) {
    return void fail(ctx, 429, 'The same broadcaster may be shouted out once every 60 minutes.');
  }
  ctx.mod.shoutouts.push({ broadcasterId: from, toBroadcasterId: to, at: ctx.now });
  ctx.mod.emit({ type: 'shoutout', broadcasterId: from, toBroadcasterId: to, moderatorId: ctx.token.userId });
  sendEmpty(ctx.res);
}

function changeModerator(ctx: HelixContext, add: boolean, recentChanges: number[]): void {
  if (!requireScope(ctx, 'channel:manage:moderators')) return;
  const broadcasterId = ctx.query.get('broadcaster_id');
  const userId = ctx.query.get('user_id');
  if (!broadcasterId || !userId) return void fail(ctx, 400, 'Missing required parameter');
  if (broadcasterId !== ctx.token.userId) {
    return void fail(
      ctx,
      401,
      "The ID in broadcaster_id must match the user ID found in the request's OAuth token.",
    );
  }
  if (!ctx.store.usersById.has(userId)) return void fail(ctx, 400, 'The ID in user_id was not found.');
  const mods = ctx.store.moderators.get(broadcasterId) ?? new Set<string>();
  ctx.store.moderators.set(broadcasterId, mods);
  if (add && mods.has(userId)) return void fail(ctx, 400, 'user is already a mod');
  if (!add && !mods.has(userId)) return void fail(ctx, 400, 'user is not a mod');
  if (add && ctx.mod.activeBan(broadcasterId, userId, ctx.now)) return void fail(ctx, 400, 'user is banned');
  while (recentChanges.length > 0 && ctx.now - (recentChanges[0] ?? 0) >= 10_000) recentChanges.shift();
  if (recentChanges.length >= 10) return void fail(ctx, 429, 'Too many moderator changes; try again later.');
  recentChanges.push(ctx.now);
  if (add) mods.add(userId);
  else mods.delete(userId);
  ctx.mod.emit({ type: add ? 'mod' : 'unmod', broadcasterId, userId });
  sendEmpty(ctx.res);
}

/** Moderation routes keyed `METHOD /path` (paths relative to /helix). */
export function moderationRoutes(offline: Set<string>): Record<string, HelixHandler> {
  const modChanges: number[] = [];
  return {
    'POST /moderation/bans': postBan,
    'DELETE /moderation/bans': deleteBan,
    'DELETE /moderation/chat': deleteChat,
    'POST /moderation/automod/message': postAutomod,
    'POST /moderation/warnings': postWarning,
    'POST /chat/announcements': postAnnouncement,
    'POST /chat/shoutouts': (ctx) => postShoutout(ctx, offline),
    'POST /moderation/moderators': (ctx) => changeModerator(ctx, true, modChanges),
    'DELETE /moderation/moderators': (ctx) => changeModerator(ctx, false, modChanges),
  };
}
