import type { SubscriptionStore } from './eventsub-http';
import {
  DISABLED_STATUS,
  CLOSE_REASON,
  envelope,
  nanoTimestamp,
  type FakeSession,
  type FakeSubscription,
} from './eventsub-model';

/**
 * The wire side of the fake's sessions: sending (which re-arms the keepalive), delivery to the subscription's
 * session and its still-open predecessors, pings, and closing with Twitch's codes (disabling subscriptions).
 */
export class SessionWire {
  /** Close codes the server sent, in order. */
  readonly closes: Array<{ sessionId: string; code: number }> = [];

  constructor(
    private readonly store: SubscriptionStore,
    private readonly pingIntervalMs: number,
  ) {}

  subsOf(session: FakeSession): FakeSubscription[] {
    return [...this.store.subscriptions.values()].filter((s) => s.transport.session_id === session.id);
  }

  /** To the session that holds the subscription, and to its predecessors still open (reconnect overlap). */
  deliver(sub: FakeSubscription, raw: string): number {
    const holder = this.store.sessions.get(sub.transport.session_id);
    if (!holder || holder.status === 'closed') return 0;
    let sent = 0;
    for (const session of this.store.sessions.values()) {
      if (session.status === 'closed') continue;
      if (session === holder || this.leadsTo(session, holder)) {
        this.send(session, raw);
        sent += 1;
      }
    }
    return sent;
  }

  private leadsTo(from: FakeSession, to: FakeSession): boolean {
    for (let s = from.successor; s; s = s.successor) if (s === to) return true;
    return false;
  }

  send(session: FakeSession, raw: string): void {
    if (session.socket.readyState !== session.socket.OPEN) return;
    session.socket.send(raw);
    this.armKeepalive(session);
  }

  private armKeepalive(session: FakeSession): void {
    clearTimeout(session.timers.keepalive);
    session.timers.keepalive = setTimeout(() => {
      if (session.status === 'closed') return;
      if (session.keepaliveEnabled) this.send(session, envelope('session_keepalive', {}));
      else this.armKeepalive(session);
    }, session.keepaliveSeconds * 1000);
  }

  startPings(session: FakeSession): void {
    session.timers.ping = setInterval(() => {
      if (session.awaitingPong) return this.closeSession(session, 4002);
      session.awaitingPong = true;
      session.socket.ping();
    }, this.pingIntervalMs);
  }

  closeSession(session: FakeSession, code: number): void {
    if (session.status === 'closed') return;
    this.closes.push({ sessionId: session.id, code });
    this.disable(session, DISABLED_STATUS[code] ?? 'websocket_disconnected');
    session.socket.close(code, CLOSE_REASON[code] ?? '');
  }

  onSocketClosed(session: FakeSession): void {
    if (session.status !== 'closed') this.disable(session, 'websocket_disconnected');
  }

  /** Subscriptions still bound to this session stop (a completed reconnect already moved them). */
  private disable(session: FakeSession, status: string): void {
    session.status = 'closed';
    this.clearTimers(session);
    const at = nanoTimestamp();
    for (const sub of this.subsOf(session)) {
      if (sub.status !== 'enabled') continue;
      sub.status = status;
      sub.transport = { ...sub.transport, disconnected_at: at };
    }
  }

  clearTimers(session: FakeSession): void {
    clearTimeout(session.timers.keepalive);
    clearInterval(session.timers.ping);
    clearTimeout(session.timers.window);
    clearTimeout(session.timers.grace);
  }
}
