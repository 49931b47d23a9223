import { randomBytes, randomUUID } from 'node:crypto';
import type WebSocket from 'ws';

/**
 * A subscription as Helix shows it (docs/protocol-twitch.md §2.6), plus the owner the fake needs for GET
 * filtering.
 */
export interface FakeSubscription {
  id: string;
  status: string;
  type: string;
  version: string;
  condition: Record<string, string>;
  created_at: string;
  transport: { method: 'websocket'; session_id: string; connected_at: string; disconnected_at?: string };
  cost: number;
  owner: { clientId: string; userId: string };
}

export type FakeSessionStatus = 'connected' | 'reconnecting' | 'closed';

export interface FakeSession {
  id: string;
  socket: WebSocket;
  status: FakeSessionStatus;
  keepaliveSeconds: number;
  keepaliveEnabled: boolean;
  connectedAt: string;
  /** `host:port` the client connected to (for reconnect URLs). */
  host: string;
  /** The session that took over after a completed reconnect. */
  successor: FakeSession | null;
  awaitingPong: boolean;
  timers: {
    keepalive?: NodeJS.Timeout;
    ping?: NodeJS.Timeout;
    window?: NodeJS.Timeout;
    grace?: NodeJS.Timeout;
  };
}

/** Close code → the status Twitch gives the session's subscriptions (docs/protocol-twitch.md §2.3). */
export const DISABLED_STATUS: Record<number, string> = {
  4000: 'websocket_internal_error',
  4001: 'websocket_received_inbound_traffic',
  4002: 'websocket_failed_ping_pong',
  4003: 'websocket_connection_unused',
  4004: 'websocket_failed_to_reconnect',
  4005: 'websocket_network_timeout',
  4006: 'websocket_network_error',
  4007: 'websocket_failed_to_reconnect',
};

export const CLOSE_REASON: Record<number, string> = {
  4000: 'internal server error',
  4001: 'sent inbound traffic',
  4002: 'failed ping pong',
  4003: 'connection unused',
  4004: 'reconnect grace time expired',
  4005: 'network timeout',
  4006: 'network error',
  4007: 'invalid reconnect',
};

/** RFC3339 with nanoseconds, like Twitch (`2023-07-19T14:56:51.634234626Z`). */
export function nanoTimestamp(ms = Date.now()): string {
  const iso = new Date(ms).toISOString(); // …sss Z
  const extra = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `${iso.slice(0, -1)}${extra}Z`;
}

export function newSessionId(): string {
  return `AQoQ${randomBytes(12).toString('base64url')}`;
}

export function newMessageId(): string {
  return randomUUID();
}

/** The subscription object inside notifications and revocations (no owner). */
export function publicSubscription(sub: FakeSubscription): Omit<FakeSubscription, 'owner'> {
  const { owner: _owner, ...rest } = sub;
  return { ...rest, transport: { ...rest.transport }, condition: { ...rest.condition } };
}

export function envelope(
  messageType: string,
  payload: object,
  extra: {
    messageId?: string;
    timestamp?: string;
    subscriptionType?: string;
    subscriptionVersion?: string;
  } = {},
): string {
  const metadata: Record<string, string> = {
    message_id: extra.messageId ?? newMessageId(),
    message_type: messageType,
    message_timestamp: extra.timestamp ?? nanoTimestamp(),
  };
  if (extra.subscriptionType) metadata.subscription_type = extra.subscriptionType;
  if (extra.subscriptionVersion) metadata.subscription_version = extra.subscriptionVersion;
  return JSON.stringify({ metadata, payload });
}

export function sessionPayload(session: FakeSession, reconnectUrl: string | null): object {
  return {
    session: {
      id: session.id,
      status: session.status === 'reconnecting' ? 'reconnecting' : 'connected',
      connected_at: session.connectedAt,
      keepalive_timeout_seconds: session.status === 'reconnecting' ? null : session.keepaliveSeconds,
      reconnect_url: reconnectUrl,
    },
  };
}
