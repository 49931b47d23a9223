import type { ActionResult, ModAction, SendRequest } from '../../../../../shared/api';
import type { Capability, OnAirEvent, SourceRef, SourceStatus } from '../../../../../shared/events';
import type { TwitchSourceConfig } from '../../../../../shared/settings';
import { chatBackoff, type BackoffOptions } from '../../../net/backoff';
import { ConnectionManager, FatalConnectionError } from '../../../net/connection-manager';
import type { ChatSource, SourceContext } from '../../source';
import { StatusReporter } from '../../../net/status-reporter';
import type { TwitchAuth, TwitchModeration } from '../account';
import type { TwitchBadgeImages } from '../badges';
import { ChatSender, defaultSendLimits, type SendLimits } from './chat-sender';
import { IrcEventMapper } from './irc-mapper';
import type { IrcMessage } from './irc-parser';
import { IrcSession, LoginFailedError, type IrcCredentials } from './irc-session';
import { TAG } from './irc-tags';
import type { MapContext } from './map-chat';
import { FAILURE_NOTICES } from './map-room';
import { RecentIds } from '../../../net/recent-ids';
import { SlidingWindowLimiter } from './sliding-window';
import { decodeBadges } from './tag-decode';

export interface TwitchIrcDeps {
  auth?: TwitchAuth;
  moderation?: TwitchModeration;
  /** Badge images and titles (Helix catalogue); without it badges stay labelled pills. */
  badges?: TwitchBadgeImages;
  random?: () => number;
  backoff?: BackoffOptions;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** Test knobs (additive): handshake timeout, send limits, a private JOIN limit instead of the shared one. */
  handshakeTimeoutMs?: number;
  sendLimits?: Partial<SendLimits>;
  joinLimit?: { count: number; windowMs: number };
}

/**
 * Twitch allows 20 JOINs per 10 s per user (docs/protocol-twitch.md §1.6). Every source in the process speaks
 * for the same account (or IP, anonymously), so they share one window by default.
 */
const sharedJoinLimiter = new SlidingWindowLimiter(20, 10_000);

const SEND_NOTICES_EXCLUDED = new Set(['msg_channel_suspended']);

/** Twitch chat over IRC-on-WebSocket for one channel. */
export function createTwitchIrcSource(
  config: TwitchSourceConfig,
  ctx: SourceContext,
  deps: TwitchIrcDeps = {},
): ChatSource {
  return new TwitchIrcSource(config, ctx, deps);
}

class TwitchIrcSource implements ChatSource {
  readonly ref: SourceRef;
  private readonly reporter: StatusReporter;
  private readonly manager: ConnectionManager<IrcSession>;
  private readonly mapper = new IrcEventMapper();
  private readonly recent = new RecentIds();
  private readonly sender: ChatSender;
  private readonly joinLimiter: SlidingWindowLimiter;
  private readonly log;
  private roomId: string | undefined;
  private login: string | null = null;
  private localCounter = 0;
  /** When the current connection dropped without a replacement (null while connected). */
  private lostAt: number | null = null;
  private readonly mapContext: MapContext;
  /** The `id` tag of the PRIVMSG/USERNOTICE being mapped: an alert's origin for the hub's de-duplication. */
  private lineId: string | undefined;

  constructor(
    private readonly config: TwitchSourceConfig,
    private readonly ctx: SourceContext,
    private readonly deps: TwitchIrcDeps,
  ) {
    this.ref = { sourceId: config.id, provider: 'twitch', channel: config.channel };
    this.log = ctx.log.child('twitch:irc');
    this.reporter = new StatusReporter(this.ref, `Twitch #${config.channel}`, ctx.emit, ctx.clock, {
      capabilities: this.capabilities(),
    });
    this.joinLimiter = deps.joinLimit
      ? new SlidingWindowLimiter(deps.joinLimit.count, deps.joinLimit.windowMs)
      : sharedJoinLimiter;
    this.mapContext = { ref: this.ref, now: 0, localId: () => this.nextLocalId() };
    this.sender = new ChatSender(
      config.channel,
      {
        ref: this.ref,
        clock: ctx.clock,
        write: (line) => this.manager.current?.write(line) ?? false,
        emit: (event) => this.emitWithBadges(event),
        login: () => this.login,
        localId: () => this.nextLocalId(),
      },
      { ...defaultSendLimits, ...deps.sendLimits },
    );
    this.manager = new ConnectionManager<IrcSession>({
      name: `twitch-irc #${config.channel}`,
      connect: () => this.connect(),
      onConnected: (_session, kind) => {
        if (kind === 'reconnect') this.reportOutage();
        this.sender.pump();
      },
      clock: ctx.clock,
      log: this.log,
      reporter: this.reporter,
      backoff: deps.backoff ?? chatBackoff,
      random: deps.random,
      connectTimeoutMs: (deps.handshakeTimeoutMs ?? 10_000) + 5_000,
    });
  }

  start(): void {
    this.reporter.setCapabilities(this.capabilities());
    this.manager.start();
  }

  async stop(): Promise<void> {
    this.sender.stop();
    await this.manager.stop();
  }

  status(): SourceStatus {
    const status = this.reporter.get();
    return { ...status, counters: { ...status.counters, ...this.manager.counters } };
  }

  reconnect(): void {
    this.manager.reconnectNow();
  }

  async act(action: ModAction): Promise<ActionResult> {
    if (!this.deps.moderation || !this.deps.auth?.token()) {
      return { ok: false, code: 'unauthorized', message: 'Log in to Twitch to moderate.' };
    }
    return this.deps.moderation.act({ login: this.config.channel, roomId: this.roomId }, action);
  }

  send(request: SendRequest): Promise<ActionResult> {
    if (!this.loggedIn()) {
      return Promise.resolve({
        ok: false,
        code: 'unauthorized',
        message: 'Log in to Twitch to send messages.',
      });
    }
    return this.sender.send(request);
  }

  private loggedIn(): boolean {
    return !this.config.anonymous && Boolean(this.deps.auth?.token());
  }

  private capabilities(): Capability[] {
    if (!this.loggedIn()) return [];
    return ['send', 'reply', ...(this.deps.moderation?.capabilities() ?? [])];
  }

  private nextLocalId(): string {
    this.localCounter += 1;
    return `${this.config.id}:local:${this.localCounter}`;
  }

  private credentials(): IrcCredentials {
    const token = this.loggedIn() ? this.deps.auth?.token() : null;
    if (token) return { nick: token.login.toLowerCase(), token: token.accessToken };
    const digits = 10_000 + Math.floor((this.deps.random ?? Math.random)() * 80_000);
    return { nick: `justinfan${digits}`, token: null };
  }

  /** Open a session; on a login failure refresh the token once and try again. */
  private async connect(): Promise<IrcSession> {
    this.reporter.setCapabilities(this.capabilities());
    const credentials = this.credentials();
    try {
      return await this.openSession(credentials);
    } catch (error) {
      if (!(error instanceof LoginFailedError)) throw error;
      return this.retryAfterLoginFailure(error);
    }
  }

  private async retryAfterLoginFailure(error: LoginFailedError): Promise<IrcSession> {
    this.log.warn(`login failed: ${error.message}`);
    if (!this.deps.auth || !error.failedToken) {
      throw new FatalConnectionError(`Twitch rejected the login: ${error.message}`, 'failed');
    }
    const next = await this.deps.auth.refresh(error.failedToken);
    if (!next) throw new FatalConnectionError('Twitch login expired — log in again.', 'login-needed');
    try {
      return await this.openSession({ nick: next.login.toLowerCase(), token: next.accessToken });
    } catch (second) {
      if (second instanceof LoginFailedError) {
        throw new FatalConnectionError('Twitch login expired — log in again.', 'login-needed');
      }
      throw second;
    }
  }

  private async openSession(credentials: IrcCredentials): Promise<IrcSession> {
    this.login = credentials.token ? credentials.nick : null; // GLOBALUSERSTATE arrives during the handshake
    const session = await IrcSession.open({
      url: this.ctx.endpoints.twitchIrc,
      channels: [this.config.channel],
      credentials,
      clock: this.ctx.clock,
      log: this.log,
      joinLimiter: this.joinLimiter,
      pingIntervalMs: this.deps.pingIntervalMs ?? 60_000,
      pongTimeoutMs: this.deps.pongTimeoutMs ?? 10_000,
      handshakeTimeoutMs: this.deps.handshakeTimeoutMs ?? 10_000,
      onLine: (line, from) => this.onLine(line, from),
      onMalformed: () => this.reporter.incrementCounter('malformed'),
    });
    void session.closed.then(() => {
      if (this.manager.current !== null && this.manager.current !== session) return; // replaced
      this.sender.connectionLost();
      this.lostAt ??= this.ctx.clock.now();
    });
    return session;
  }

  /** Twitch IRC does not replay what was said while we were away: say how long chat was not received. */
  private reportOutage(): void {
    if (this.lostAt === null) return;
    const seconds = Math.max(1, Math.round((this.ctx.clock.now() - this.lostAt) / 1000));
    this.lostAt = null;
    this.ctx.emit({
      kind: 'notice',
      id: this.nextLocalId(),
      source: this.ref,
      level: 'warning',
      code: 'chat_gap',
      text: `Reconnected to #${this.config.channel} after ${seconds} s offline; chat from that time is not shown (Twitch does not replay it).`,
      at: this.ctx.clock.now(),
    });
  }

  private onLine(message: IrcMessage, from: IrcSession): void {
    const now = this.ctx.clock.now();
    this.reporter.messageSeen();
    const command = message.command;
    this.lineId = undefined;
    if (command === 'PRIVMSG' || command === 'USERNOTICE') {
      const id = message.tag(TAG.id);
      if (id && !this.recent.admit(id)) {
        this.reporter.incrementCounter('duplicates');
        return;
      }
      this.lineId = id;
    }
    if (command === 'RECONNECT') {
      this.log.info('server asked to reconnect; replacing the connection (make-before-break)');
      if (from === this.manager.current) void this.manager.replace();
      return;
    }
    if (!this.onStateLine(message)) return;
    this.mapContext.now = now;
    this.mapper.map(message, this.mapContext, this.emitMapped);
  }

  private readonly emitMapped = (event: OnAirEvent): void => {
    if (event.kind === 'alert' && this.lineId) event.origin = { transport: 'irc', eventId: this.lineId };
    this.emitWithBadges(event);
  };

  private emitWithBadges(event: OnAirEvent): void {
    if (event.kind === 'chat') this.deps.badges?.decorate(event.author.badges, this.roomId);
    this.ctx.emit(event);
  }

  /** USERSTATE / GLOBALUSERSTATE / ROOMSTATE / NOTICE bookkeeping. False when the line needs no event. */
  private onStateLine(message: IrcMessage): boolean {
    switch (message.command) {
      case 'GLOBALUSERSTATE':
      case 'USERSTATE':
        this.onUserState(message);
        return false;
      case 'ROOMSTATE':
        this.roomId = message.tag(TAG['room-id']) || this.roomId;
        if (this.roomId) this.deps.badges?.watchChannel(this.roomId);
        return true;
      case 'NOTICE': {
        const code = message.tag(TAG['msg-id']);
        if (code && FAILURE_NOTICES.has(code) && !SEND_NOTICES_EXCLUDED.has(code)) {
          this.sender.refuse(code, message.params[message.params.length - 1] ?? '');
        }
        return true;
      }
      default:
        return true;
    }
  }

  private onUserState(message: IrcMessage): void {
    const login = this.login ?? message.tag(TAG.login);
    const displayName = message.tag(TAG['display-name']) || login;
    if (login && displayName && this.login) {
      const current = this.reporter.get().identity;
      const color = message.tag(TAG.color) || null;
      if (current?.displayName !== displayName || current.color !== color) {
        this.reporter.setIdentity({ login, displayName, color });
      }
    }
    if (message.command !== 'USERSTATE') return;
    const badges = decodeBadges(message.tag(TAG.badges));
    const privileged =
      message.tag(TAG.mod) === '1' ||
      badges.some((b) => b.setId === 'broadcaster' || b.setId === 'moderator');
    this.sender.setPrivileged(privileged);
    if (message.tag(TAG.id)) this.sender.confirm(message);
  }
}
