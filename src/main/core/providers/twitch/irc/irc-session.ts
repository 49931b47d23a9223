import type WebSocket from 'ws';
import type { Clock, TimerHandle } from '../../../clock';
import type { Logger } from '../../../log/logger';
import {
  FatalConnectionError,
  type CloseInfo,
  type ManagedConnection,
} from '../../../net/connection-manager';
import { openSocket } from '../../../net/open-socket';
import { forEachLine, parseTwitchLine, type IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import type { SlidingWindowLimiter } from './sliding-window';

export interface IrcCredentials {
  nick: string;
  /** Access token without `oauth:`; null = anonymous. Never logged. */
  token: string | null;
}

export interface IrcSessionOptions {
  url: string;
  channels: string[];
  credentials: IrcCredentials;
  clock: Clock;
  log: Logger;
  joinLimiter: SlidingWindowLimiter;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** Every parsed line, in order, including the handshake's (ROOMSTATE, USERSTATE, NOTICE …). */
  onLine(line: IrcMessage, session: IrcSession): void;
  /** A line that could not be parsed (dropped and counted). */
  onMalformed(raw: string): void;
}

/** Twitch rejected PASS/NICK. Carries the token that failed so the caller can refresh it. */
export class LoginFailedError extends Error {
  constructor(
    message: string,
    readonly failedToken: string | null,
  ) {
    super(message);
    this.name = 'LoginFailedError';
  }
}

const LOGIN_FAILURES = [
  'login authentication failed',
  'improperly formatted auth',
  'invalid nick',
  'login unsuccessful',
];
const JOIN_FAILURES = new Set(['msg_channel_suspended', 'msg_banned']);

export function isLoginFailure(text: string): boolean {
  const lower = text.toLowerCase();
  return LOGIN_FAILURES.some((failure) => lower.includes(failure));
}

/**
 * One IRC-over-WebSocket connection: logs in, joins (within the JOIN limit), answers PING, checks liveness
 * with its own PING, and resolves `open()` once every channel's full ROOMSTATE arrived.
 */
export class IrcSession implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  /** A line arrived after the handshake; the session PINGs at once so a quiet channel proves itself too. */
  readonly established: Promise<void>;
  private resolveClosed!: (info: CloseInfo) => void;
  private markEstablished!: () => void;
  private joined = false;
  private isClosed = false;
  private pingTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private pingCounter = 0;
  private readonly pendingRooms: Set<string>;
  private handshake: { resolve: () => void; reject: (error: Error) => void } | null = null;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: IrcSessionOptions,
  ) {
    this.pendingRooms = new Set(options.channels);
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.established = new Promise((resolve) => (this.markEstablished = resolve));
    socket.on('message', (data: WebSocket.RawData) => this.onFrame(String(data)));
    socket.on('close', (code: number) => this.finish({ reason: `socket closed (code ${code})` }));
    socket.on('error', (error: Error) => this.finish({ reason: `socket error: ${error.message}` }));
  }

  /** Open, log in and join. Rejects with LoginFailedError, FatalConnectionError (join refused) or Error. */
  static async open(options: IrcSessionOptions): Promise<IrcSession> {
    const socket = await openSocket(options.url, { timeoutMs: options.handshakeTimeoutMs });
    const session = new IrcSession(socket, options);
    await session.logIn();
    return session;
  }

  private logIn(): Promise<void> {
    const { credentials, clock, handshakeTimeoutMs } = this.options;
    return new Promise<void>((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        this.handshake = null;
        reject(new Error(`no answer to login/join within ${handshakeTimeoutMs} ms`));
        this.close('handshake timed out');
      }, handshakeTimeoutMs);
      const settle = (): void => clock.clearTimeout(timer);
      this.handshake = {
        resolve: () => (settle(), resolve()),
        reject: (error) => (settle(), reject(error)),
      };
      void this.closed.then((info) => this.handshake?.reject(new Error(`connection lost: ${info.reason}`)));
      this.write('CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership');
      this.write(`PASS ${credentials.token ? `oauth:${credentials.token}` : 'SCHMOOPIIE'}`);
      this.write(`NICK ${credentials.nick}`);
    });
  }

  /** Send one raw line; false when the socket is not open. */
  write(line: string): boolean {
    if (this.isClosed || this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(line);
    return true;
  }

  close(reason: string): void {
    this.finish({ reason });
  }

  private finish(info: CloseInfo): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.options.clock.clearTimeout(this.pingTimer);
    this.options.clock.clearTimeout(this.pongTimer);
    this.socket.removeAllListeners('message');
    this.socket.on('error', () => {}); // late errors after close are expected and harmless
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(1000);
      // A peer that never answers the close handshake must not keep the socket alive.
      const killer = setTimeout(() => this.socket.terminate(), 2000);
      killer.unref();
      this.socket.once('close', () => clearTimeout(killer));
    }
    this.resolveClosed(info);
  }

  private onFrame(frame: string): void {
    forEachLine(frame, (text, start, end) => {
      if (this.isClosed) return;
      const line = parseTwitchLine(text, start, end);
      if (line === null) {
        this.options.onMalformed(text.slice(start, end));
        return;
      }
      try {
        this.onLine(line);
      } catch (error) {
        // Bad input never takes the app down: the line is dropped and counted.
        this.options.onMalformed(text.slice(start, end));
        this.options.log.debug('line handling failed; dropped', error);
      }
    });
  }

  private onLine(message: IrcMessage): void {
    if (this.joined) this.markEstablished();
    switch (message.command) {
      case 'PING':
        this.write(`PONG :${message.params[message.params.length - 1] ?? 'tmi.twitch.tv'}`);
        return;
      case 'PONG':
        this.options.clock.clearTimeout(this.pongTimer);
        this.pongTimer = null;
        return;
      case '376':
        if (this.handshake) void this.joinAll();
        break;
      case 'NOTICE':
        if (this.onNotice(message)) return;
        break;
      case 'ROOMSTATE':
        this.onRoomState(message);
        break;
    }
    this.options.onLine(message, this);
  }

  /** True when the notice ended the handshake (login failure). */
  private onNotice(message: IrcMessage): boolean {
    const text = message.params[message.params.length - 1] ?? '';
    const msgId = message.tag(TAG['msg-id']);
    if (!msgId && isLoginFailure(text)) {
      const handshake = this.handshake;
      this.handshake = null;
      handshake?.reject(new LoginFailedError(text, this.options.credentials.token));
      this.close(`login failed: ${text}`);
      return true;
    }
    if (this.handshake && msgId && JOIN_FAILURES.has(msgId)) {
      this.options.onLine(message, this); // the moderator still sees the notice
      const handshake = this.handshake;
      this.handshake = null;
      handshake.reject(new FatalConnectionError(`Could not join: ${text}`, 'failed'));
      this.close(`join failed: ${msgId}`);
      return true;
    }
    return false;
  }

  private onRoomState(message: IrcMessage): void {
    const channel = (message.params[0] ?? '').replace(/^#/, '');
    const full = message.tag(TAG['subs-only']) !== undefined && message.tag(TAG.slow) !== undefined;
    if (!full || !this.pendingRooms.delete(channel) || this.pendingRooms.size > 0) return;
    const handshake = this.handshake;
    this.handshake = null;
    handshake?.resolve();
    this.joined = true;
    this.ping();
    this.schedulePing();
  }

  private async joinAll(): Promise<void> {
    const { joinLimiter, clock } = this.options;
    for (const channel of this.options.channels) {
      for (let wait = joinLimiter.delay(clock.now()); wait > 0; wait = joinLimiter.delay(clock.now())) {
        await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
        if (this.isClosed) return;
      }
      joinLimiter.record(clock.now());
      this.write(`JOIN #${channel}`);
    }
  }

  /** Client-side liveness: PING every interval; no PONG within the timeout closes the connection. */
  private schedulePing(): void {
    this.pingTimer = this.options.clock.setTimeout(() => {
      if (this.isClosed) return;
      this.ping();
      this.schedulePing();
    }, this.options.pingIntervalMs);
  }

  private ping(): void {
    if (this.pongTimer !== null) return; // still waiting for the previous PONG
    const { clock, pongTimeoutMs } = this.options;
    this.pingCounter += 1;
    this.write(`PING :onair-${this.pingCounter}`);
    this.pongTimer = clock.setTimeout(() => this.close('no PONG (liveness check)'), pongTimeoutMs);
  }
}
