import type {
  ChatModes,
  ModLogEvent,
  OnAirEvent,
  Removal,
  RemovalReason,
  SourceRef,
} from '../../../../../shared/events';
import { lookupTable } from '../../../../../shared/lookup';
import { need, num, obj, parseTime, str, type JsonObject } from './fields';
import type { MapContext, NotificationMapper } from './map-context';

/**
 * Removal-producing `channel.moderate` actions (and their shared-chat twins) → reason. Maps, not objects: the
 * action is service data, and `constructor` must not find Object (nor `toString` a function to call).
 */
const REMOVAL_ACTIONS = lookupTable<RemovalReason>({
  ban: 'ban',
  timeout: 'timeout',
  delete: 'delete',
  clear: 'clear',
  shared_chat_ban: 'ban',
  shared_chat_timeout: 'timeout',
  shared_chat_delete: 'delete',
});

type ModesFor = (event: JsonObject) => Partial<ChatModes>;

const MODE_ACTIONS = lookupTable<ModesFor>({
  emoteonly: () => ({ emoteOnly: true }),
  emoteonlyoff: () => ({ emoteOnly: false }),
  followers: (e) => ({ followersOnlyMinutes: num(obj(e, 'followers'), 'follow_duration_minutes') ?? 0 }),
  followersoff: () => ({ followersOnlyMinutes: null }),
  slow: (e) => ({ slowSeconds: num(obj(e, 'slow'), 'wait_time_seconds') ?? 0 }),
  slowoff: () => ({ slowSeconds: 0 }),
  subscribers: () => ({ subsOnly: true }),
  subscribersoff: () => ({ subsOnly: false }),
  uniquechat: () => ({ uniqueChat: true }),
  uniquechatoff: () => ({ uniqueChat: false }),
});

function removalFor(
  action: string,
  event: JsonObject,
  source: SourceRef,
  by: string,
  ctx: MapContext,
): Removal | null {
  const reason = REMOVAL_ACTIONS.get(action);
  if (!reason) return null;
  const base = { kind: 'removal' as const, source, reason, by, confirmed: true, at: ctx.serverTime };
  if (action === 'clear') return { ...base, target: { type: 'all' } };
  const detail = obj(event, action);
  if (reason === 'delete')
    return { ...base, target: { type: 'message', messageId: need(detail, 'message_id') } };
  const target = {
    type: 'user' as const,
    userId: str(detail, 'user_id') ?? undefined,
    login: need(detail, 'user_login'),
  };
  if (reason === 'ban') return { ...base, target };
  const expiresAt = parseTime(str(detail, 'expires_at'), Number.NaN);
  const seconds = Math.round((expiresAt - ctx.serverTime) / 1000);
  return { ...base, target, durationSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : undefined };
}

/** The mod-log line: who was acted on, plus the reason/term/duration when the payload has one. */
function modLogFor(
  action: string,
  event: JsonObject,
  source: SourceRef,
  actor: string,
  ctx: MapContext,
): ModLogEvent {
  const detail = obj(event, action) ?? obj(event, 'automod_terms') ?? obj(event, 'unban_request');
  const target = str(detail, 'user_login') ?? str(detail, 'message_id') ?? '';
  const terms = Array.isArray(detail?.terms)
    ? detail.terms.filter((t) => typeof t === 'string').join(', ')
    : '';
  const followers = num(obj(event, 'followers'), 'follow_duration_minutes');
  const slow = num(obj(event, 'slow'), 'wait_time_seconds');
  const text =
    str(detail, 'reason') ??
    str(detail, 'message_body') ??
    (terms || null) ??
    (followers !== null ? `${followers} min` : null) ??
    (slow !== null ? `${slow} s` : null);
  return {
    kind: 'modlog',
    entry: {
      id: ctx.messageId,
      at: ctx.serverTime,
      sourceId: source.sourceId,
      actor,
      action,
      target,
      detail: text ?? undefined,
      result: 'ok',
    },
  };
}

/** `channel.moderate` v2: a Removal or ModesEvent when the action has one, and always a mod-log entry. */
const mapModerate: NotificationMapper = (event, ctx) => {
  const action = need(event, 'action');
  const source = ctx.resolveRef(need(event, 'broadcaster_user_login').toLowerCase());
  const actor = str(event, 'moderator_user_name') || str(event, 'moderator_user_login') || 'unknown';
  const out: OnAirEvent[] = [];
  const removal = removalFor(action, event, source, actor, ctx);
  if (removal) out.push(removal);
  const modes = MODE_ACTIONS.get(action);
  if (modes) out.push({ kind: 'modes', source, modes: modes(event) });
  out.push(modLogFor(action, event, source, actor, ctx));
  return out;
};

function chatRemoval(
  event: JsonObject,
  ctx: MapContext,
  target: Removal['target'],
  reason: RemovalReason,
): Removal {
  const source = ctx.resolveRef(need(event, 'broadcaster_user_login').toLowerCase());
  return { kind: 'removal', source, target, reason, confirmed: true, at: ctx.serverTime };
}

const mapMessageDelete: NotificationMapper = (event, ctx) => [
  chatRemoval(event, ctx, { type: 'message', messageId: need(event, 'message_id') }, 'delete'),
];

/** The user was banned or timed out (this event does not say which): remove all their lines. */
const mapClearUser: NotificationMapper = (event, ctx) => {
  const target = {
    type: 'user' as const,
    userId: str(event, 'target_user_id') ?? undefined,
    login: need(event, 'target_user_login').toLowerCase(),
  };
  return [chatRemoval(event, ctx, target, 'clear')];
};

const mapClear: NotificationMapper = (event, ctx) => [chatRemoval(event, ctx, { type: 'all' }, 'clear')];

export const moderationMappers: Record<string, NotificationMapper> = {
  'channel.moderate@2': mapModerate,
  'channel.chat.message_delete@1': mapMessageDelete,
  'channel.chat.clear_user_messages@1': mapClearUser,
  'channel.chat.clear@1': mapClear,
};
