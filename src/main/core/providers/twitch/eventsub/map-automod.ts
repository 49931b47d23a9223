import type { AutoModHold, AutoModStatus, Notice } from '../../../../../shared/events';
import { list, MissingFieldError, need, num, obj, parseTime, str, type JsonObject } from './fields';
import type { MapContext, NotificationMapper } from './map-context';
import { partsFromFragments } from './map-parts';

const RESOLVED: readonly AutoModStatus[] = ['approved', 'denied', 'expired'];

/** `automod: swearing (level 4)` or `blocked term`. */
function holdReason(event: JsonObject): string {
  if (str(event, 'reason') === 'blocked_term') return 'blocked term';
  const automod = obj(event, 'automod');
  const category = str(automod, 'category') ?? 'unknown';
  const level = num(automod, 'level');
  return level === null ? `automod: ${category}` : `automod: ${category} (level ${level})`;
}

function heldMessage(event: JsonObject, ctx: MapContext, status: AutoModStatus): AutoModHold {
  const message = obj(event, 'message');
  const text = str(message, 'text') ?? '';
  const fragments = list(message, 'fragments');
  const login = need(event, 'user_login').toLowerCase();
  return {
    kind: 'automod',
    id: need(event, 'message_id'),
    source: ctx.resolveRef(need(event, 'broadcaster_user_login').toLowerCase()),
    author: { id: str(event, 'user_id') ?? '', login, displayName: str(event, 'user_name') || login },
    parts: fragments.length > 0 ? partsFromFragments(fragments) : text ? [{ type: 'text', text }] : [],
    text,
    reason: holdReason(event),
    heldAt: parseTime(str(event, 'held_at'), ctx.serverTime),
    status,
  };
}

const mapHold: NotificationMapper = (event, ctx) => [heldMessage(event, ctx, 'pending')];

/** Real payloads say `approved`, the docs `Approved`: compare case-insensitively. */
const mapUpdate: NotificationMapper = (event, ctx) => {
  const status = (str(event, 'status') ?? '').toLowerCase() as AutoModStatus;
  if (!RESOLVED.includes(status)) throw new MissingFieldError('status');
  const resolvedBy = str(event, 'moderator_user_name') || str(event, 'moderator_user_login') || undefined;
  return [{ ...heldMessage(event, ctx, status), resolvedBy }];
};

function streamNotice(event: JsonObject, ctx: MapContext, online: boolean): Notice {
  const login = need(event, 'broadcaster_user_login').toLowerCase();
  const name = str(event, 'broadcaster_user_name') || login;
  return {
    kind: 'notice',
    id: ctx.messageId,
    source: ctx.resolveRef(login),
    level: 'info',
    code: online ? 'stream_online' : 'stream_offline',
    text: online ? `${name} is live.` : `${name} went offline.`,
    at: online ? parseTime(str(event, 'started_at'), ctx.serverTime) : ctx.serverTime,
  };
}

export const automodAndStreamMappers: Record<string, NotificationMapper> = {
  'automod.message.hold@2': mapHold,
  'automod.message.update@2': mapUpdate,
  'stream.online@1': (event, ctx) => [streamNotice(event, ctx, true)],
  'stream.offline@1': (event, ctx) => [streamNotice(event, ctx, false)],
};
