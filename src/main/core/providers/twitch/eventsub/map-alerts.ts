import type { Alert, AlertType, AlertUser } from '../../../../../shared/events';
import { bool, list, MissingFieldError, need, num, obj, parseTime, str, type JsonObject } from './fields';
import type { MapContext, NotificationMapper } from './map-context';
import { partsFromEmoteRanges, textParts } from './map-parts';

/*
 * Every alert carries its origin (EventSub + message_id): the hub never merges two notifications with
 * different ids. Alerts that IRC reports too (sub, resub, cheer, gift bomb, raid) must match the IRC mapping
 * on the hub's cross-transport key (docs/events.md): lower-case login or anonymous, and the same amount field —
 * bits for cheers, cumulative months for subs/resubs, the gift count for gift bombs, viewers for raids.
 */

const ANONYMOUS: AlertUser = { id: null, login: null, displayName: 'Anonymous' };

/** `<prefix>_user_id/login/name` → AlertUser (login lower-cased for the de-dup key). */
function userFrom(event: JsonObject, prefix = 'user'): AlertUser {
  const login = need(event, `${prefix}_login`).toLowerCase();
  return {
    id: str(event, `${prefix}_id`),
    login,
    displayName: str(event, `${prefix}_name`) || login,
  };
}

function baseAlert(
  event: JsonObject,
  ctx: MapContext,
  alertType: AlertType,
  user: AlertUser,
  serverTime = ctx.serverTime,
): Alert {
  return {
    kind: 'alert',
    id: ctx.messageId,
    source: ctx.resolveRef(need(event, 'broadcaster_user_login').toLowerCase()),
    alertType,
    user,
    message: null,
    serverTime,
    receivedAt: ctx.receivedAt,
    origin: { transport: 'eventsub', eventId: ctx.messageId },
  };
}

function requireNumber(event: JsonObject, key: string): number {
  const value = num(event, key);
  if (value === null) throw new MissingFieldError(key);
  return value;
}

const mapCheer: NotificationMapper = (event, ctx) => {
  const anonymous = bool(event, 'is_anonymous') || !str(event, 'user_login');
  const alert = baseAlert(event, ctx, 'cheer', anonymous ? ANONYMOUS : userFrom(event));
  return [{ ...alert, bits: requireNumber(event, 'bits'), message: textParts(str(event, 'message')) }];
};

/** First subs only. A gifted sub (is_gift) is covered by the gift alert, so it yields nothing. */
const mapSubscribe: NotificationMapper = (event, ctx) => {
  if (bool(event, 'is_gift')) return [];
  const alert = baseAlert(event, ctx, 'sub', userFrom(event));
  // IRC's `sub` carries msg-param-cumulative-months=1 for a first sub; match it for the de-dup key.
  return [{ ...alert, months: 1, tier: str(event, 'tier') ?? undefined }];
};

const mapResub: NotificationMapper = (event, ctx) => {
  const message = obj(event, 'message');
  const alert = baseAlert(event, ctx, 'resub', userFrom(event));
  return [
    {
      ...alert,
      months: requireNumber(event, 'cumulative_months'),
      tier: str(event, 'tier') ?? undefined,
      message: partsFromEmoteRanges(str(message, 'text') ?? '', list(message, 'emotes')),
    },
  ];
};

/** One alert for the whole gift bomb; the per-recipient `channel.subscribe` (is_gift) events are dropped. */
const mapGift: NotificationMapper = (event, ctx) => {
  const anonymous = bool(event, 'is_anonymous') || !str(event, 'user_login');
  const alert = baseAlert(event, ctx, 'giftsub', anonymous ? ANONYMOUS : userFrom(event));
  return [{ ...alert, count: requireNumber(event, 'total'), tier: str(event, 'tier') ?? undefined }];
};

const mapRaid: NotificationMapper = (event, ctx) => {
  const alert: Alert = {
    ...baseAlert(
      { broadcaster_user_login: need(event, 'to_broadcaster_user_login') },
      ctx,
      'raid',
      userFrom(event, 'from_broadcaster_user'),
    ),
    count: requireNumber(event, 'viewers'),
  };
  return [alert];
};

const mapFollow: NotificationMapper = (event, ctx) => {
  const serverTime = parseTime(str(event, 'followed_at'), ctx.serverTime);
  return [baseAlert(event, ctx, 'follow', userFrom(event), serverTime)];
};

const mapRedemption: NotificationMapper = (event, ctx) => {
  const serverTime = parseTime(str(event, 'redeemed_at'), ctx.serverTime);
  const alert = baseAlert(event, ctx, 'redemption', userFrom(event), serverTime);
  const title = str(obj(event, 'reward'), 'title') ?? undefined;
  return [{ ...alert, title, message: textParts(str(event, 'user_input')) }];
};

export const alertMappers: Record<string, NotificationMapper> = {
  'channel.cheer@1': mapCheer,
  'channel.subscribe@1': mapSubscribe,
  'channel.subscription.message@1': mapResub,
  'channel.subscription.gift@1': mapGift,
  'channel.raid@1': mapRaid,
  'channel.follow@2': mapFollow,
  'channel.channel_points_custom_reward_redemption.add@1': mapRedemption,
};
