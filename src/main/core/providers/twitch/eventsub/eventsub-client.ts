import type { NoticeLevel, OnAirEvent, SourceRef, SourceStatus } from '../../../../../shared/events';
import type { Clock } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { BackoffOptions } from '../../../net/backoff';
import { ConnectionManager, FatalConnectionError, type ConnectKind } from '../../../net/connection-manager';
import { StatusReporter } from '../../../net/status-reporter';
import type { ResolveTwitchRef, TwitchAuth, TwitchToken } from '../account';
import type { CreateEventSubSubscription } from '../eventsub-types';
import { EventSubConnection } from './connection';
import { createFrameProcessor, type FrameCounters, type FrameProcessor } from './frame-processor';
import { createSubscriptions, type SubscribeCounters } from './subscribe-session';
import { planSubscriptions } from './subscriptions';

export interface EventSubClientOptions {
  /** `wss://eventsub.wss.twitch.tv/ws`, optionally with `?keepalive_timeout_seconds=N`. */
  url: string;
  auth: TwitchAuth;
  createSubscription: CreateEventSubSubscription;
  resolveRef: ResolveTwitchRef;
  emit: (event: OnAirEvent) => void;
  clock: Clock;
  log: Logger;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Broadcasters to watch. */
  channels: () => Array<{ login: string; userId: string }>;
}

export type EventSubCounters = FrameCounters & SubscribeCounters & { closeCodes: number };

export interface EventSubClient {
  start(): void;
  stop(): Promise<void>;
  status(): SourceStatus;
  /** Subscribe what is missing (channels changed), or start over on a fresh session (login changed). */
  resubscribe(): Promise<void>;
  counters(): EventSubCounters;
}

export const EVENTSUB_SOURCE_ID = 'twitch-eventsub';
const LABEL = 'Twitch alerts (EventSub)';

const scopeKey = (token: TwitchToken): string => [...token.scopes].sort().join(' ');

export function createEventSubClient(options: EventSubClientOptions): EventSubClient {
  return new EventSubClientImpl(options);
}

/**
 * Drives the shared ConnectionManager: `connect()` opens a socket and waits for the welcome; a fresh
 * connection (`initial`/`reconnect`) gets every subscription created, a `replace` one (after
 * `session_reconnect`) inherits them. `replace()` is exactly make-before-break: it opens the reconnect URL
 * (handed to the next `connect()` through `reconnectUrl`) while the old socket keeps feeding the shared frame
 * processor, swaps once the new welcome arrives, then closes the old socket. Frames from both sockets go
 * through one processor, so the overlap is de-duplicated by message id.
 */
class EventSubClientImpl implements EventSubClient {
  private readonly reporter: StatusReporter;
  private readonly manager: ConnectionManager<EventSubConnection>;
  private readonly processor: FrameProcessor;
  private readonly subscribeCounters: SubscribeCounters = {
    subscriptions: 0,
    subscribeFailures: 0,
    skipped: 0,
  };
  private closeCodes = 0;
  private started = false;
  private unsubscribeAuth: (() => void) | null = null;
  private sessionUserId: string | null = null;
  private sessionScopes = '';
  /** The connection last made current (the manager's `current` is null while reconnecting). */
  private active: EventSubConnection | null = null;
  /** Set by `session_reconnect`; the next connect (the replacement) uses it verbatim, once. */
  private reconnectUrl: string | null = null;
  private noticeSeq = 0;

  constructor(private readonly options: EventSubClientOptions) {
    const emitStatus = (event: OnAirEvent): void =>
      options.emit(
        event.kind === 'status' ? { ...event, source: this.ref(), counters: this.counters() } : event,
      );
    this.reporter = new StatusReporter(this.ref(), LABEL, emitStatus, options.clock);
    this.processor = createFrameProcessor({
      resolveRef: options.resolveRef,
      clock: options.clock,
      emit: options.emit,
      onRevocation: (sub) => this.onRevocation(sub.type, sub.status),
    });
    this.manager = new ConnectionManager<EventSubConnection>({
      name: 'twitch:eventsub',
      connect: () => this.connect(),
      onConnected: (connection, kind) => this.onConnected(connection, kind),
      clock: options.clock,
      log: options.log,
      reporter: this.reporter,
      backoff: options.backoff,
      random: options.random,
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribeAuth = this.options.auth.onChange((token) => this.onTokenChange(token));
    this.startIfLoggedIn();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.unsubscribeAuth?.();
    this.unsubscribeAuth = null;
    await this.manager.stop();
  }

  status(): SourceStatus {
    return { ...this.reporter.get(), source: this.ref(), counters: this.counters() };
  }

  counters(): EventSubCounters {
    return { ...this.processor.counters, ...this.subscribeCounters, closeCodes: this.closeCodes };
  }

  async resubscribe(): Promise<void> {
    if (!this.started) return;
    const token = this.options.auth.token();
    const current = this.manager.current;
    if (!token) return this.startIfLoggedIn();
    if (!this.manager.running) return this.startIfLoggedIn();
    if (!current || token.userId !== this.sessionUserId) return this.manager.reconnectNow();
    await this.subscribe(current, token);
  }

  private ref(): SourceRef {
    return {
      sourceId: EVENTSUB_SOURCE_ID,
      provider: 'twitch',
      channel: this.options.auth.token()?.login ?? '',
    };
  }

  private startIfLoggedIn(): void {
    if (!this.options.auth.token()) {
      this.reporter.setState('login-needed', 'Log in to Twitch to receive alerts.');
      return;
    }
    this.manager.start();
  }

  private onTokenChange(token: TwitchToken | null): void {
    if (!this.started) return;
    if (!token) {
      void this.manager.stop().then(() => this.startIfLoggedIn());
    } else if (!this.manager.running) {
      this.startIfLoggedIn();
    } else if (token.userId !== this.sessionUserId) {
      // Subscriptions belong to the old user: start over on a fresh session.
      this.manager.reconnectNow();
    } else if (scopeKey(token) !== this.sessionScopes) {
      // Same user, new consent: pick up the types the new scopes allow.
      void this.resubscribe();
    }
  }

  private async connect(): Promise<EventSubConnection> {
    const token = this.options.auth.token();
    if (!token) throw new FatalConnectionError('Log in to Twitch to receive alerts.', 'login-needed');
    const url = this.reconnectUrl ?? this.options.url;
    this.reconnectUrl = null;
    if (
      url === this.options.url &&
      planSubscriptions(token, this.options.channels(), '').create.length === 0
    ) {
      throw new FatalConnectionError('Nothing to subscribe to (no channel, or the login lacks every scope).');
    }
    return EventSubConnection.open(url, {
      processor: this.processor,
      clock: this.options.clock,
      log: this.options.log,
      onActivity: () => this.reporter.messageSeen(),
      onReconnectRequested: (connection, reconnectUrl) => this.onReconnectRequested(connection, reconnectUrl),
      onServerClose: (connection, code, text) => this.onServerClose(connection, code, text),
    });
  }

  /** A replacement inherits the subscriptions (no resubscribe); anything else is a fresh session. */
  private onConnected(connection: EventSubConnection, kind: ConnectKind): void {
    const previous = this.active;
    this.active = connection;
    // Normally already closed; if a retry raced a make-before-break swap, don't leave a second socket open.
    if (previous && previous !== connection && kind !== 'replace') previous.close('superseded');
    if (kind === 'replace') {
      // Same subscriptions, new session: share the record so resubscribe() still knows what exists.
      if (previous) connection.subscribed = previous.subscribed;
      this.options.log.info('eventsub: moved to the reconnect session; subscriptions carried over');
      return;
    }
    const token = this.options.auth.token();
    if (!token) return connection.close('logged out');
    this.sessionUserId = token.userId;
    void this.subscribe(connection, token);
  }

  private async subscribe(connection: EventSubConnection, token: TwitchToken): Promise<void> {
    this.sessionScopes = scopeKey(token);
    const outcome = await createSubscriptions({
      connection,
      token,
      channels: this.options.channels(),
      createSubscription: this.options.createSubscription,
      counters: this.subscribeCounters,
      notice: (level, code, text) => this.notice(level, code, text),
    });
    if (this.manager.current !== connection) return;
    if (outcome === 'refused') connection.fail('Twitch accepted no EventSub subscription (see notices).');
    if (outcome === 'failed') connection.close('no EventSub subscription could be created; retrying');
  }

  private onReconnectRequested(connection: EventSubConnection, url: string): void {
    if (connection !== this.manager.current) return;
    this.options.log.info('eventsub: session_reconnect; opening the new session before closing the old one');
    this.reconnectUrl = url;
    void this.manager.replace().then((replaced) => {
      if (!replaced) this.reconnectUrl = null;
    });
  }

  private onServerClose(connection: EventSubConnection, code: number, text: string): void {
    if (connection !== this.manager.current) {
      this.options.log.info(`eventsub: a replaced or pending socket closed: ${text}`);
      return;
    }
    this.closeCodes += 1;
    this.notice('warning', `eventsub_close_${code}`, `${text}. Reconnecting.`);
  }

  private onRevocation(type: string, status: string): void {
    const text = `Twitch stopped the ${type} subscription (${status || 'revoked'}).`;
    this.notice('error', 'eventsub_revoked', text);
    this.reporter.setState(this.reporter.get().state, text);
  }

  private notice(level: NoticeLevel, code: string, text: string): void {
    this.noticeSeq += 1;
    const at = this.options.clock.now();
    this.options.emit({
      kind: 'notice',
      id: `eventsub-${at}-${this.noticeSeq}`,
      source: this.ref(),
      level,
      code,
      text,
      at,
    });
  }
}
