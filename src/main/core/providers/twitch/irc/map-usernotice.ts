import type { Alert, AlertType, AlertUser, Notice, OnAirEvent } from '../../../../../shared/events';
import type { IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import { authorOf, serverTimeOf, type MapContext } from './map-chat';
import { buildParts } from './message-parts';
import { mapNoticeChat, userNoticeText } from './map-notice-chat';

/** Community gift ids remembered so the N `subgift` notices after a `submysterygift` add no alerts. */
const MAX_GIFT_BUNDLES = 256;

/**
 * Legacy msg-ids of anonymous gifts: their `login`/`display-name`/`user-id` are the channel's own (Twitch's
 * sample lines show the broadcaster there), not a gifter's, so the alert must not credit them. The current form
 * is a normal `subgift`/`submysterygift` from `ananonymousgifter`. (`anongiftpaidupgrade` is different: its user
 * is the viewer continuing the gift sub, who is credited; only the original gifter was anonymous.)
 */
const ANONYMOUS_GIFTS = new Set(['anonsubgift', 'anonsubmysterygift']);
/** Twitch's stand-in login for an anonymous gifter. */
const ANONYMOUS_GIFTER = 'ananonymousgifter';
/** The same anonymous user EventSub's alerts carry, so the hub's de-duplication matches both. */
const ANONYMOUS: AlertUser = { id: null, login: null, displayName: 'Anonymous' };

const tagNumber = (message: IrcMessage, slot: number): number | undefined => {
  const value = Number(message.tag(slot));
  return Number.isFinite(value) && message.tag(slot) !== undefined && message.tag(slot) !== ''
    ? value
    : undefined;
};

/** Turns USERNOTICE lines into alerts and notices; keeps the (bounded) state needed to bundle gift subs. */
export class UserNoticeMapper {
  private readonly giftBundles = new Set<string>();

  map(message: IrcMessage, ctx: MapContext, emit: (event: OnAirEvent) => void): void {
    const msgId = message.tag(TAG['msg-id']) ?? '';
    if (msgId === 'subgift' || msgId === 'anonsubgift') {
      if (this.isBundled(message)) return;
    }
    const alert = this.alertFor(msgId, message, ctx);
    emit(alert ?? mapNoticeChat(message, msgId, ctx) ?? noticeFor(message, msgId, ctx));
  }

  private isBundled(message: IrcMessage): boolean {
    const key = message.tag(TAG['msg-param-community-gift-id']) || message.tag(TAG['msg-param-origin-id']);
    return key !== undefined && this.giftBundles.has(key);
  }

  private remember(message: IrcMessage): void {
    for (const slot of [TAG['msg-param-community-gift-id'], TAG['msg-param-origin-id']]) {
      const key = message.tag(slot);
      if (!key) continue;
      this.giftBundles.add(key);
      if (this.giftBundles.size > MAX_GIFT_BUNDLES) {
        this.giftBundles.delete(this.giftBundles.values().next().value as string);
      }
    }
  }

  private alertFor(msgId: string, message: IrcMessage, ctx: MapContext): Alert | null {
    const plan = message.tag(TAG['msg-param-sub-plan']);
    switch (msgId) {
      case 'sub':
      case 'resub':
        return makeAlert(msgId, message, ctx, {
          months: tagNumber(message, TAG['msg-param-cumulative-months']),
          tier: plan,
        });
      case 'submysterygift':
      case 'anonsubmysterygift':
        this.remember(message);
        return makeAlert('giftsub', message, ctx, {
          count: tagNumber(message, TAG['msg-param-mass-gift-count']) ?? 1,
          tier: plan,
        });
      case 'subgift':
      case 'anonsubgift':
        return makeAlert('giftsub', message, ctx, {
          count: 1,
          tier: plan,
          title:
            message.tag(TAG['msg-param-recipient-display-name']) ||
            message.tag(TAG['msg-param-recipient-user-name']),
        });
      case 'giftpaidupgrade':
      case 'anongiftpaidupgrade':
      case 'primepaidupgrade':
        return makeAlert('sub', message, ctx, { tier: plan });
      case 'raid':
        return makeAlert('raid', message, ctx, {
          count: tagNumber(message, TAG['msg-param-viewerCount']) ?? 0,
        });
      case 'announcement':
        return makeAlert('announcement', message, ctx, {});
      // bitsbadgetier, viewermilestone, ritual, sharedchatnotice, unknown ids …: informational, not an alert
      // (nobody paid, and a streak per viewer would flood the screen): the viewer's words become a chat line
      // with Twitch's system-msg (map-notice-chat.ts); without words, a notice with the system-msg.
      default:
        return null;
    }
  }
}

type AlertFields = Pick<Alert, 'months' | 'tier' | 'count' | 'title' | 'bits'>;

function alertUser(message: IrcMessage, login: string): AlertUser {
  if (login === ANONYMOUS_GIFTER || ANONYMOUS_GIFTS.has(message.tag(TAG['msg-id']) ?? ''))
    return { ...ANONYMOUS };
  // Name colour and badges as a chat line of this user has them.
  const { color, badges } = authorOf(message, login);
  return {
    id: message.tag(TAG['user-id']) ?? null,
    login: login || null,
    displayName: message.tag(TAG['display-name']) || login || 'Anonymous',
    color,
    badges,
  };
}

function makeAlert(type: AlertType, message: IrcMessage, ctx: MapContext, fields: AlertFields): Alert {
  const login = (message.tag(TAG.login) ?? '').toLowerCase();
  const text = userNoticeText(message);
  const alert: Alert = {
    kind: 'alert',
    id: message.tag(TAG.id) || ctx.localId(),
    source: ctx.ref,
    alertType: type,
    user: alertUser(message, login),
    message: text ? buildParts(text, message.emotes) : null,
    serverTime: serverTimeOf(message, ctx.now),
    receivedAt: ctx.now,
  };
  const systemText = message.tag(TAG['system-msg']);
  if (systemText) alert.systemText = systemText;
  for (const [key, value] of Object.entries(fields) as [keyof AlertFields, unknown][]) {
    if (value !== undefined && value !== '') (alert as unknown as Record<string, unknown>)[key] = value;
  }
  return alert;
}

/** Unknown (or purely informational) USERNOTICE → a notice with Twitch's own `system-msg`. */
function noticeFor(message: IrcMessage, msgId: string, ctx: MapContext): Notice {
  const text = userNoticeText(message);
  const system = message.tag(TAG['system-msg']) ?? '';
  return {
    kind: 'notice',
    id: message.tag(TAG.id) || ctx.localId(),
    source: ctx.ref,
    level: 'info',
    code: msgId || undefined,
    text: [system, text].filter(Boolean).join('\n') || msgId || 'USERNOTICE',
    at: serverTimeOf(message, ctx.now),
  };
}
