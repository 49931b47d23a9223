import type { ModAction } from '../../../../../shared/api';
import type { HelixRequest } from './helix-client';

type ChatModesAction = Extract<ModAction, { type: 'chatModes' }>;

export interface ModerationIds {
  broadcasterId: string;
  moderatorId: string;
}

/** A local refusal before anything goes to Twitch. */
export class ModerationInputError extends Error {}

/**
 * PATCH /chat/settings body. Twitch wants the mode flag `true` together with a duration, and the flag
 * `false` without one to switch a mode off (docs/protocol-twitch.md §3.2).
 */
export function chatSettingsBody(modes: ChatModesAction['modes']): Record<string, boolean | number> {
  const body: Record<string, boolean | number> = {};
  if (modes.emoteOnly !== undefined) body.emote_mode = modes.emoteOnly;
  if (modes.subsOnly !== undefined) body.subscriber_mode = modes.subsOnly;
  if (modes.uniqueChat !== undefined) body.unique_chat_mode = modes.uniqueChat;
  if (modes.followersOnlyMinutes !== undefined) {
    if (modes.followersOnlyMinutes === null) body.follower_mode = false;
    else Object.assign(body, { follower_mode: true, follower_mode_duration: modes.followersOnlyMinutes });
  }
  if (modes.slowSeconds !== undefined) {
    if (modes.slowSeconds === 0) body.slow_mode = false;
    else if (modes.slowSeconds < 3)
      throw new ModerationInputError('Slow mode must be 3 to 120 seconds (or off).');
    else Object.assign(body, { slow_mode: true, slow_mode_wait_time: modes.slowSeconds });
  }
  if (Object.keys(body).length === 0) throw new ModerationInputError('No chat mode to change.');
  return body;
}

/**
 * The Helix call for one action. `userIdFor` resolves a login to a user id (cached lookup) for actions that
 * name the target by login only.
 */
export async function moderationRequest(
  action: ModAction,
  ids: ModerationIds,
  userIdFor: (login: string) => Promise<string>,
): Promise<HelixRequest> {
  const scoped = { broadcaster_id: ids.broadcasterId, moderator_id: ids.moderatorId };
  switch (action.type) {
    case 'delete':
      return {
        method: 'DELETE',
        path: '/moderation/chat',
        query: { ...scoped, message_id: action.messageId },
      };
    case 'clearChat':
      return { method: 'DELETE', path: '/moderation/chat', query: scoped };
    case 'timeout':
    case 'ban': {
      const data: Record<string, string | number> = { user_id: action.userId };
      if (action.type === 'timeout') data.duration = action.seconds;
      if (action.reason) data.reason = action.reason;
      return { method: 'POST', path: '/moderation/bans', query: scoped, body: { data } };
    }
    case 'unban':
      return { method: 'DELETE', path: '/moderation/bans', query: { ...scoped, user_id: action.userId } };
    case 'warn':
      return {
        method: 'POST',
        path: '/moderation/warnings',
        query: scoped,
        body: { data: { user_id: action.userId, reason: action.reason } },
      };
    case 'automod':
      return {
        method: 'POST',
        path: '/moderation/automod/message',
        body: { user_id: ids.moderatorId, msg_id: action.holdId, action: action.allow ? 'ALLOW' : 'DENY' },
      };
    case 'chatModes':
      return { method: 'PATCH', path: '/chat/settings', query: scoped, body: chatSettingsBody(action.modes) };
    case 'shoutout':
      return {
        method: 'POST',
        path: '/chat/shoutouts',
        query: {
          from_broadcaster_id: ids.broadcasterId,
          to_broadcaster_id: await userIdFor(action.login),
          moderator_id: ids.moderatorId,
        },
      };
    case 'announce':
      return {
        method: 'POST',
        path: '/chat/announcements',
        query: scoped,
        body: { message: action.text, color: action.color ?? 'primary' },
      };
    case 'mod':
    case 'unmod':
      return {
        method: action.type === 'mod' ? 'POST' : 'DELETE',
        path: '/moderation/moderators',
        query: {
          broadcaster_id: ids.broadcasterId,
          user_id: action.userId ?? (await userIdFor(action.login)),
        },
      };
    case 'ipban':
    case 'userConf':
      throw new ModerationInputError(`Twitch has no "${action.type}" action.`);
  }
}
