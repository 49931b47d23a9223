import WebSocket from 'ws';
import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../log/logger';
import type { CloseInfo, ManagedConnection } from '../net/connection-manager';
import { OP, decodeEventApiFrame, type EventApiFrame } from './seventv-events-decode';

const HELLO_TIMEOUT_MS = 10_000;
/** A dispatch is one set change: small. Anything bigger is not a frame we want. */
const MAX_FRAME_BYTES = 512 * 1024;
/** Declared dead when no frame came for the heartbeat interval × this, plus slack (one lost heartbeat is fine). */
const HEARTBEAT_FACTOR = 2;
const HEARTBEAT_SLACK_MS = 1_000;

export interface EventApiHooks {
  clock: Clock;
  log: Logger;
  /** A set changed on 7TV. */
  onSetUpdate(frame: Extract<EventApiFrame, { kind: 'setUpdate' }>): void;
  /** A frame that was not an EventAPI frame (dropped). */
  onMalformed(): void;
  /** A valid frame arrived (heartbeats included). */
  onFrame(): void;
}

/**
 * One EventAPI socket for all channels: waits for Hello, subscribes to `emote_set.update` per set id, and a
 * heartbeat watchdog on the injected clock closes it when the server goes quiet, so the manager reconnects.
 * Reconnect (op 4) and End of Stream (op 7) close it too.
 */
export class SevenTvEventsConnection implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  readonly established: Promise<void>;
  readonly subscribed = new Set<string>();
  private resolveClosed!: (info: CloseInfo) => void;
  private markEstablished!: () => void;
  private heartbeatMs = 0;
  private subscriptionLimit: number | null = null;
  private watchdog: TimerHandle | null = null;
  private retired = false;
  private greeted: (() => void) | null = null;
  private limitLogged = false;

  private constructor(
    private readonly socket: WebSocket,
    private readonly hooks: EventApiHooks,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.established = new Promise((resolve) => (this.markEstablished = resolve));
    socket.on('message', (data, isBinary) => this.onMessage(isBinary ? '' : data.toString()));
    socket.on('close', (code) => this.finish({ reason: `closed by 7TV (code ${code})` }));
    socket.on('error', (error) => hooks.log.warn('7TV EventAPI socket error', error));
  }

  /** Connect and wait for Hello (the server speaks first: listeners are attached before `open`). */
  static async open(url: string, hooks: EventApiHooks): Promise<SevenTvEventsConnection> {
    const socket = new WebSocket(url, { maxPayload: MAX_FRAME_BYTES, handshakeTimeout: HELLO_TIMEOUT_MS });
    const connection = new SevenTvEventsConnection(socket, hooks);
    await new Promise<void>((resolve, reject) => {
      const timer = hooks.clock.setTimeout(() => {
        connection.close('no hello');
        reject(new Error('no hello within 10 s'));
      }, HELLO_TIMEOUT_MS);
      connection.greeted = () => {
        hooks.clock.clearTimeout(timer);
        resolve();
      };
      void connection.closed.then((info) => {
        hooks.clock.clearTimeout(timer);
        reject(new Error(`closed before hello: ${info.reason}`));
      });
    });
    return connection;
  }

  /** Subscribe to one set's updates; false when the server's subscription limit is reached. */
  subscribe(setId: string): boolean {
    if (this.retired || this.subscribed.has(setId)) return !this.retired;
    if (this.subscriptionLimit !== null && this.subscribed.size >= this.subscriptionLimit) {
      if (!this.limitLogged)
        this.hooks.log.warn(`7TV EventAPI: subscription limit ${this.subscriptionLimit}`);
      this.limitLogged = true;
      return false;
    }
    this.subscribed.add(setId);
    const frame = { op: OP.subscribe, d: { type: 'emote_set.update', condition: { object_id: setId } } };
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  close(reason: string): void {
    this.finish({ reason });
  }

  private finish(info: CloseInfo): void {
    if (this.retired) return;
    this.retired = true;
    this.hooks.clock.clearTimeout(this.watchdog);
    this.socket.close(1000);
    this.resolveClosed(info);
  }

  private onMessage(raw: string): void {
    if (this.retired) return;
    try {
      const frame = decodeEventApiFrame(raw);
      if (!frame) return this.hooks.onMalformed();
      this.hooks.onFrame();
      if (frame.kind === 'hello') {
        if (this.heartbeatMs > 0) return; // only the first hello counts
        this.heartbeatMs = frame.heartbeatMs;
        this.subscriptionLimit = frame.subscriptionLimit;
        this.greeted?.();
      } else this.handle(frame);
      this.armWatchdog();
    } catch (error) {
      // A throwing listener downstream must not take the socket (or the process) down.
      this.hooks.log.error('7TV EventAPI: frame handling failed', error);
    }
  }

  private handle(frame: EventApiFrame): void {
    if (this.heartbeatMs === 0) return; // nothing before hello
    this.markEstablished();
    if (frame.kind === 'setUpdate') this.hooks.onSetUpdate(frame);
    else if (frame.kind === 'reconnect') this.close('7TV asked to reconnect');
    else if (frame.kind === 'end')
      this.close(`7TV ended the stream${frame.reason ? `: ${frame.reason}` : ''}`);
    else if (frame.kind === 'error') this.hooks.log.warn(`7TV EventAPI error: ${frame.reason}`);
  }

  private armWatchdog(): void {
    if (this.retired || this.heartbeatMs === 0) return;
    const ms = this.heartbeatMs * HEARTBEAT_FACTOR + HEARTBEAT_SLACK_MS;
    this.hooks.clock.clearTimeout(this.watchdog);
    this.watchdog = this.hooks.clock.setTimeout(() => {
      this.hooks.log.warn(`7TV EventAPI: nothing for ${ms} ms; reconnecting`);
      this.close(`heartbeat timeout (nothing for ${Math.round(ms / 100) / 10} s)`);
    }, ms);
  }
}
