import WebSocket from 'ws';
import { setLongTimeout, type Clock, type LongTimer } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { CloseInfo, ManagedConnection } from '../../../net/connection-manager';
import { describeClose, isEventSubCloseCode } from './close-codes';
import { decodeFrame, type SessionInfo } from './decode';
import type { FrameProcessor } from './frame-processor';

/** Twitch's default when the welcome omits it. */
const DEFAULT_KEEPALIVE_S = 10;
/** Declare the socket dead after keepalive × this (twurple uses 1.2), plus a little network slack. */
const KEEPALIVE_FACTOR = 1.2;
const KEEPALIVE_SLACK_MS = 500;
const WELCOME_TIMEOUT_MS = 10_000;
const MAX_FRAME_BYTES = 1024 * 1024;

export interface ConnectionHooks {
  processor: FrameProcessor;
  clock: Clock;
  log: Logger;
  /** Any frame arrived (status "last message"). */
  onActivity(): void;
  /** The server asked us to move to `url` (make-before-break). */
  onReconnectRequested(connection: EventSubConnection, url: string): void;
  /** The server closed with 4000–4007 while this connection was still ours. */
  onServerClose(connection: EventSubConnection, code: number, text: string): void;
}

/**
 * One EventSub socket. Receive-only: it never sends a data frame (Twitch closes with 4001 on any); `ws`
 * answers pings with pongs by itself. Resolves `open()` on `session_welcome`; a keepalive watchdog closes it
 * when nothing arrives for keepalive × 1.2, so the manager reconnects.
 */
export class EventSubConnection implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  /** A frame (keepalive or notification) arrived after the welcome. */
  readonly established: Promise<void>;
  session: SessionInfo | null = null;
  /** Subscription keys created on this session (resubscribe skips them); shared with a replacement. */
  subscribed = new Set<string>();
  private resolveClosed!: (info: CloseInfo) => void;
  private markEstablished!: () => void;
  private watchdog: LongTimer | null = null;
  private retired = false;
  private welcomed: ((session: SessionInfo) => void) | null = null;

  private constructor(
    private readonly socket: WebSocket,
    private readonly hooks: ConnectionHooks,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.established = new Promise((resolve) => (this.markEstablished = resolve));
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', (code, reason) => this.onSocketClose(code, reason.toString()));
    socket.on('error', (error) => hooks.log.warn('eventsub socket error', error));
  }

  /**
   * Connect and wait for `session_welcome`. Not `openSocket()`: the server speaks first, and its welcome can
   * arrive in the same read as the upgrade answer — listeners must be attached before `open`.
   */
  static async open(url: string, hooks: ConnectionHooks): Promise<EventSubConnection> {
    const socket = new WebSocket(url, { maxPayload: MAX_FRAME_BYTES, handshakeTimeout: WELCOME_TIMEOUT_MS });
    const connection = new EventSubConnection(socket, hooks);
    await new Promise<SessionInfo>((resolve, reject) => {
      const timer = hooks.clock.setTimeout(() => {
        connection.close('no session_welcome');
        reject(new Error('no session_welcome within 10 s'));
      }, WELCOME_TIMEOUT_MS);
      connection.welcomed = (session) => {
        hooks.clock.clearTimeout(timer);
        resolve(session);
      };
      void connection.closed.then((info) => {
        hooks.clock.clearTimeout(timer);
        reject(new Error(`closed before session_welcome: ${info.reason}`));
      });
    });
    return connection;
  }

  close(reason: string): void {
    this.finish({ reason });
  }

  /** Close and tell the manager not to retry (nothing could be subscribed). */
  fail(reason: string): void {
    this.finish({ reason, retry: false });
  }

  private finish(info: CloseInfo): void {
    if (this.retired) return;
    this.retired = true;
    this.watchdog?.cancel();
    this.socket.close(1000);
    this.resolveClosed(info);
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.retired) return;
    if (this.session) this.markEstablished();
    this.armWatchdog();
    try {
      this.hooks.onActivity();
      this.handleFrame(isBinary ? '' : data.toString());
    } catch (error) {
      // A throwing listener downstream must not take the socket (or the process) down.
      this.hooks.log.error('eventsub: frame handling failed', error);
    }
  }

  private handleFrame(raw: string): void {
    const frame = decodeFrame(raw);
    if (frame.kind === 'welcome') {
      if (this.session) return; // only the first welcome counts
      this.session = frame.session;
      this.armWatchdog();
      this.welcomed?.(frame.session);
    } else if (frame.kind === 'reconnect') {
      if (frame.session.reconnectUrl) this.hooks.onReconnectRequested(this, frame.session.reconnectUrl);
    } else {
      this.hooks.processor.process(frame);
    }
  }

  private armWatchdog(): void {
    const seconds = this.session?.keepaliveSeconds ?? DEFAULT_KEEPALIVE_S;
    const ms = seconds * 1000 * KEEPALIVE_FACTOR + KEEPALIVE_SLACK_MS;
    this.watchdog?.cancel();
    // keepalive_timeout_seconds is the server's to choose: a huge one must not overflow into a 1 ms timer.
    this.watchdog = setLongTimeout(
      this.hooks.clock,
      () => {
        this.hooks.log.warn(`eventsub: no message for ${ms} ms; reconnecting`);
        this.close(`keepalive timeout (nothing for ${Math.round(ms / 100) / 10} s)`);
      },
      ms,
    );
  }

  private onSocketClose(code: number, reason: string): void {
    if (this.retired) return;
    const text = describeClose(code, reason);
    if (isEventSubCloseCode(code)) this.hooks.onServerClose(this, code, text);
    this.finish({ reason: text });
  }
}
