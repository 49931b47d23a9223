import { asObject, num, obj, str, type JsonObject } from './fields';

/** Envelope metadata every frame carries (docs/protocol-twitch.md §2.2). */
export interface FrameMeta {
  messageId: string;
  messageType: string;
  /** Raw `message_timestamp` (RFC3339, nanoseconds). */
  timestamp: string | null;
}

export interface SessionInfo {
  id: string;
  keepaliveSeconds: number | null;
  reconnectUrl: string | null;
}

export interface SubscriptionInfo {
  id: string;
  type: string;
  version: string;
  status: string;
  condition: JsonObject;
}

export type DecodedFrame =
  | { kind: 'welcome'; meta: FrameMeta; session: SessionInfo }
  | { kind: 'keepalive'; meta: FrameMeta }
  | { kind: 'reconnect'; meta: FrameMeta; session: SessionInfo }
  | { kind: 'notification'; meta: FrameMeta; subscription: SubscriptionInfo; event: JsonObject }
  | { kind: 'revocation'; meta: FrameMeta; subscription: SubscriptionInfo }
  | { kind: 'unknown-message'; meta: FrameMeta }
  | { kind: 'malformed'; reason: string };

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function readSession(payload: JsonObject | null): SessionInfo | null {
  const session = obj(payload, 'session');
  const id = str(session, 'id');
  if (!id) return null;
  return {
    id,
    keepaliveSeconds: num(session, 'keepalive_timeout_seconds'),
    reconnectUrl: str(session, 'reconnect_url'),
  };
}

/** Metadata first, payload.subscription as fallback (some captures only carry one of them). */
function readSubscription(metadata: JsonObject, payload: JsonObject | null): SubscriptionInfo | null {
  const sub = obj(payload, 'subscription');
  const type = str(metadata, 'subscription_type') ?? str(sub, 'type');
  const version = str(metadata, 'subscription_version') ?? str(sub, 'version');
  if (!type || !version) return null;
  return {
    id: str(sub, 'id') ?? '',
    type,
    version,
    status: str(sub, 'status') ?? '',
    condition: obj(sub, 'condition') ?? {},
  };
}

/** One WebSocket text frame → a typed frame. Never throws; anything unusable is `malformed`. */
export function decodeFrame(raw: unknown): DecodedFrame {
  const root = asObject(parseJson(raw));
  const metadata = obj(root, 'metadata');
  if (!metadata) return { kind: 'malformed', reason: 'no metadata' };
  const messageId = str(metadata, 'message_id');
  const messageType = str(metadata, 'message_type');
  if (!messageId || !messageType) return { kind: 'malformed', reason: 'no message_id/message_type' };
  const meta: FrameMeta = { messageId, messageType, timestamp: str(metadata, 'message_timestamp') };
  const payload = obj(root, 'payload');
  switch (messageType) {
    case 'session_welcome':
    case 'session_reconnect': {
      const session = readSession(payload);
      if (!session) return { kind: 'malformed', reason: `${messageType} without session.id` };
      return messageType === 'session_welcome'
        ? { kind: 'welcome', meta, session }
        : { kind: 'reconnect', meta, session };
    }
    case 'session_keepalive':
      return { kind: 'keepalive', meta };
    case 'notification': {
      const subscription = readSubscription(metadata, payload);
      const event = obj(payload, 'event');
      if (!subscription || !event) return { kind: 'malformed', reason: 'notification without type/event' };
      return { kind: 'notification', meta, subscription, event };
    }
    case 'revocation': {
      const subscription = readSubscription(metadata, payload);
      if (!subscription) return { kind: 'malformed', reason: 'revocation without subscription' };
      return { kind: 'revocation', meta, subscription };
    }
    default:
      return { kind: 'unknown-message', meta };
  }
}
