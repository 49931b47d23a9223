import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { handleSubscriptionsHttp, type SubscriptionStore } from './eventsub-http';
import { SessionWire } from './eventsub-wire';
import {
  envelope,
  nanoTimestamp,
  newMessageId,
  newSessionId,
  publicSubscription,
  sessionPayload,
  type FakeSession,
  type FakeSessionStatus,
  type FakeSubscription,
} from './eventsub-model';
import type { FakeServerModule, FakeTwitchState } from './state';

export const EVENTSUB_WS_PATH = '/eventsub/ws';

export interface FakeEventSubOptions {
  /** Keepalive when the client gives no `keepalive_timeout_seconds` (Twitch: 10). */
  keepaliveSeconds?: number;
  /** Time from welcome to the first subscription before close 4003 (Twitch: 10 s). */
  subscribeWindowMs?: number;
  /** WebSocket ping period; a ping unanswered by the next one → close 4002 (CLI mock: 5 s). */
  pingIntervalMs?: number;
  /** After `session_reconnect`, the old socket is closed with 4004 after this (Twitch: 30 s). */
  reconnectGraceMs?: number;
}

export interface FakeSessionInfo {
  id: string;
  status: FakeSessionStatus;
  keepaliveSeconds: number;
  subscriptions: number;
  successorId: string | null;
}

export interface NotifyOptions {
  version?: string;
  messageId?: string;
  timestamp?: string;
}

export interface FakeEventSub extends FakeServerModule {
  sessions(): FakeSessionInfo[];
  subscriptions(): Array<Omit<FakeSubscription, 'owner'>>;
  /** Send a notification to every session subscribed to type+version; returns the message ids sent. */
  notify(type: string, event: object, options?: NotifyOptions): string[];
  sendFrame(sessionId: string, raw: string): void;
  /** Re-send the last notification(s) with the same message_id (at-least-once delivery). */
  duplicateLast(): number;
  /** `session_reconnect` to every connected session; returns the reconnect URLs. */
  reconnectDrill(options?: { graceMs?: number }): string[];
  revoke(subscriptionId: string, status: string): void;
  /** No arguments: shut the module down. With a session: close it with `code` (4000–4007). */
  close(): Promise<void>;
  close(sessionId: string, code: number): Promise<void>;
  setKeepalive(sessionId: string, enabled: boolean): void;
  /** Close codes the server sent, in order (4001 would reveal a client that sent a data frame). */
  closeLog(): Array<{ sessionId: string; code: number }>;
  inboundDataFrames(): number;
}

export function createFakeEventSub(state: FakeTwitchState, options: FakeEventSubOptions = {}): FakeEventSub {
  return new FakeEventSubServer(state, options);
}

interface Sent {
  subscriptionId: string;
  raw: string;
}

class FakeEventSubServer implements FakeEventSub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly store: SubscriptionStore;
  private readonly wire: SessionWire;
  private lastSent: Sent[] = [];
  private inbound = 0;

  constructor(
    state: FakeTwitchState,
    private readonly options: FakeEventSubOptions,
  ) {
    this.store = {
      state,
      sessions: new Map(),
      subscriptions: new Map(),
      onSubscribed: (session) => clearTimeout(session.timers.window),
    };
    this.wire = new SessionWire(this.store, options.pingIntervalMs ?? 5000);
  }

  handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    return handleSubscriptionsHttp(req, res, url, this.store);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== EVENTSUB_WS_PATH) return false;
    const host = req.headers.host ?? '127.0.0.1';
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, url, host));
    return true;
  }

  async close(sessionId?: string, code?: number): Promise<void> {
    if (sessionId !== undefined) {
      const session = this.store.sessions.get(sessionId);
      if (session) this.wire.closeSession(session, code ?? 4000);
      return;
    }
    for (const session of this.store.sessions.values()) {
      this.wire.clearTimers(session);
      session.socket.terminate();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  sessions(): FakeSessionInfo[] {
    return [...this.store.sessions.values()].map((s) => ({
      id: s.id,
      status: s.status,
      keepaliveSeconds: s.keepaliveSeconds,
      subscriptions: this.wire.subsOf(s).length,
      successorId: s.successor?.id ?? null,
    }));
  }

  subscriptions(): Array<Omit<FakeSubscription, 'owner'>> {
    return [...this.store.subscriptions.values()].map(publicSubscription);
  }

  notify(type: string, event: object, options: NotifyOptions = {}): string[] {
    const version = options.version ?? '1';
    const ids: string[] = [];
    const sent: Sent[] = [];
    for (const sub of this.store.subscriptions.values()) {
      if (sub.type !== type || sub.version !== version || sub.status !== 'enabled') continue;
      const messageId = options.messageId ?? newMessageId();
      const payload = { subscription: publicSubscription(sub), event };
      const raw = envelope('notification', payload, {
        messageId,
        timestamp: options.timestamp,
        subscriptionType: type,
        subscriptionVersion: version,
      });
      this.wire.deliver(sub, raw);
      sent.push({ subscriptionId: sub.id, raw });
      ids.push(messageId);
    }
    if (sent.length > 0) this.lastSent = sent;
    return ids;
  }

  sendFrame(sessionId: string, raw: string): void {
    const session = this.store.sessions.get(sessionId);
    if (session && session.status !== 'closed') this.wire.send(session, raw);
  }

  duplicateLast(): number {
    let sent = 0;
    for (const { subscriptionId, raw } of this.lastSent) {
      const sub = this.store.subscriptions.get(subscriptionId);
      if (sub) sent += this.wire.deliver(sub, raw);
    }
    return sent;
  }

  reconnectDrill(options: { graceMs?: number } = {}): string[] {
    const urls: string[] = [];
    for (const session of this.store.sessions.values()) {
      if (session.status !== 'connected') continue;
      session.status = 'reconnecting';
      const url = `ws://${session.host}${EVENTSUB_WS_PATH}?reconnect_id=${Buffer.from(session.id).toString('base64url')}`;
      this.wire.send(session, envelope('session_reconnect', sessionPayload(session, url)));
      const grace = options.graceMs ?? this.options.reconnectGraceMs ?? 30_000;
      session.timers.grace = setTimeout(() => this.wire.closeSession(session, 4004), grace);
      urls.push(url);
    }
    return urls;
  }

  revoke(subscriptionId: string, status: string): void {
    const sub = this.store.subscriptions.get(subscriptionId);
    if (!sub) return;
    sub.status = status;
    const raw = envelope(
      'revocation',
      { subscription: publicSubscription(sub) },
      { subscriptionType: sub.type, subscriptionVersion: sub.version },
    );
    this.wire.deliver(sub, raw);
  }

  setKeepalive(sessionId: string, enabled: boolean): void {
    const session = this.store.sessions.get(sessionId);
    if (session) session.keepaliveEnabled = enabled;
  }

  closeLog(): Array<{ sessionId: string; code: number }> {
    return [...this.wire.closes];
  }

  inboundDataFrames(): number {
    return this.inbound;
  }

  private keepaliveFor(url: URL): number {
    const raw = url.searchParams.get('keepalive_timeout_seconds');
    const fallback = this.options.keepaliveSeconds ?? 10;
    if (raw === null || !/^\d+$/.test(raw)) return fallback;
    return Math.min(600, Math.max(10, Number(raw)));
  }

  private onConnection(socket: WebSocket, url: URL, host: string): void {
    const reconnectId = url.searchParams.get('reconnect_id');
    const predecessor = reconnectId ? this.findReconnecting(reconnectId) : null;
    const session: FakeSession = {
      id: newSessionId(),
      socket,
      status: 'connected',
      keepaliveSeconds: predecessor?.keepaliveSeconds ?? this.keepaliveFor(url),
      keepaliveEnabled: true,
      connectedAt: nanoTimestamp(),
      host,
      successor: null,
      awaitingPong: false,
      timers: {},
    };
    this.store.sessions.set(session.id, session);
    socket.on('message', () => {
      this.inbound += 1;
      this.wire.closeSession(session, 4001);
    });
    socket.on('pong', () => (session.awaitingPong = false));
    socket.on('close', () => this.wire.onSocketClosed(session));
    socket.on('error', () => undefined);
    if (reconnectId && !predecessor) return this.wire.closeSession(session, 4007);
    if (predecessor) this.takeOver(predecessor, session);
    this.wire.send(session, envelope('session_welcome', sessionPayload(session, null)));
    this.wire.startPings(session);
    if (!predecessor) {
      const windowMs = this.options.subscribeWindowMs ?? 10_000;
      session.timers.window = setTimeout(() => {
        if (this.wire.subsOf(session).length === 0) this.wire.closeSession(session, 4003);
      }, windowMs);
    }
  }

  private findReconnecting(reconnectId: string): FakeSession | null {
    const id = Buffer.from(reconnectId, 'base64url').toString();
    const session = this.store.sessions.get(id);
    return session && session.status === 'reconnecting' && !session.successor ? session : null;
  }

  /** The new session inherits every subscription; the old socket stays open until the client closes it. */
  private takeOver(old: FakeSession, next: FakeSession): void {
    old.successor = next;
    for (const sub of this.wire.subsOf(old)) {
      sub.transport = { ...sub.transport, session_id: next.id, connected_at: next.connectedAt };
    }
  }
}
