import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { Clock, TimerHandle } from '../../../clock';
import {
  FatalConnectionError,
  type CloseInfo,
  type ManagedConnection,
} from '../../../net/connection-manager';
import { parseAstroFrame, subscribeRequest, TIPS_TOPIC, type AstroFrame } from './protocol';

export interface AstroOptions {
  url: string;
  token: string;
  clock: Clock;
  /** The gateway pings every 30 s and drops us after 70 s without a pong; we drop it after this long silent. */
  keepAliveTimeoutMs: number;
  handshakeTimeoutMs: number;
  onTip: (data: unknown) => void;
  /** The gateway is shutting down and asked us to move to a new connection. */
  onReconnectRequested: () => void;
  onInvalid: (why: string) => void;
}

type Handshake = { resolve: () => void; reject: (error: Error) => void };

function subscribeFailure(error: string, message: string): Error {
  const detail = message ? `${error}: ${message}` : error;
  if (error === 'err_unauthorized') {
    return new FatalConnectionError(
      `StreamElements rejected the JWT (${detail}). Copy a fresh JWT from the StreamElements dashboard → Account → Channels → Show secrets.`,
      'login-needed',
    );
  }
  if (error === 'err_bad_request')
    return new FatalConnectionError(`StreamElements refused the subscription (${detail}).`);
  return new Error(`StreamElements could not subscribe to tips (${detail})`);
}

/**
 * One Astro gateway socket: waits for `welcome`, subscribes to `channel.tips` with the JWT, then delivers tip
 * messages. The `ws` client answers the gateway's WebSocket pings with pongs by itself; a gateway that stops
 * pinging is treated as dead. A `ManagedConnection`, so the shared ConnectionManager reconnects it.
 */
export class AstroConnection implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  /** The gateway confirmed the tips subscription (its answer is data after the welcome). */
  readonly established: Promise<void>;
  private markEstablished: () => void = () => {};
  /** The canonical room (StreamElements channel id) the gateway confirmed; used for REST recovery. */
  room: string | null = null;
  private readonly nonce = randomUUID();
  private finish: (info: CloseInfo) => void = () => {};
  private handshake: Handshake | null = null;
  private silenceTimer: TimerHandle | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: AstroOptions,
  ) {
    this.closed = new Promise((resolve) => (this.finish = resolve));
    this.established = new Promise((resolve) => (this.markEstablished = resolve));
    socket.on('message', (data, isBinary) => {
      this.heardFrom();
      if (isBinary) options.onInvalid('binary frame');
      else this.onFrame(parseAstroFrame(data.toString()));
    });
    socket.on('ping', () => this.heardFrom());
    socket.on('close', (code) => this.shutDown(`StreamElements socket closed (code ${code})`));
    socket.on('error', (error) => this.shutDown(`StreamElements socket error: ${error.message}`));
    this.heardFrom();
  }

  /** Resolves once the gateway confirmed the `channel.tips` subscription. */
  subscribed(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.handshake = { resolve, reject };
      const timer = this.options.clock.setTimeout(
        () => this.failHandshake(new Error('StreamElements did not confirm the subscription in time')),
        this.options.handshakeTimeoutMs,
      );
      void this.closed.then((info) => {
        this.options.clock.clearTimeout(timer);
        this.failHandshake(new Error(info.reason));
      });
    });
  }

  close(reason: string): void {
    this.shutDown(reason);
  }

  private onFrame(frame: AstroFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.socket.send(subscribeRequest(this.nonce, this.options.token));
        break;
      case 'response':
        if (frame.nonce === this.nonce) this.onSubscribeResponse(frame);
        break;
      case 'message':
        if (frame.topic === TIPS_TOPIC) this.options.onTip(frame.data);
        break;
      case 'reconnect':
        this.options.onReconnectRequested();
        break;
      case 'invalid':
        this.options.onInvalid(frame.why);
        break;
    }
  }

  private onSubscribeResponse(frame: Extract<AstroFrame, { type: 'response' }>): void {
    if (frame.error) {
      this.failHandshake(subscribeFailure(frame.error, frame.message));
      this.shutDown(`subscription refused: ${frame.error}`);
      return;
    }
    this.room = frame.room;
    this.markEstablished();
    this.handshake?.resolve();
    this.handshake = null;
  }

  private failHandshake(error: Error): void {
    this.handshake?.reject(error);
    this.handshake = null;
  }

  private heardFrom(): void {
    this.options.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.options.clock.setTimeout(
      () => this.shutDown('no keep-alive from StreamElements'),
      this.options.keepAliveTimeoutMs,
    );
  }

  private shutDown(reason: string): void {
    this.options.clock.clearTimeout(this.silenceTimer);
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.terminate();
    }
    this.finish({ reason });
  }
}

/**
 * Opens the socket, subscribes to tips and resolves once the gateway confirmed it. The listeners go on before
 * the socket opens: the gateway's `welcome` can arrive in the same packet as the upgrade answer.
 */
export async function openAstroConnection(options: AstroOptions): Promise<AstroConnection> {
  const socket = new WebSocket(options.url, {
    maxPayload: 1024 * 1024,
    handshakeTimeout: options.handshakeTimeoutMs,
  });
  const connection = new AstroConnection(socket, options);
  try {
    await connection.subscribed();
  } catch (error) {
    connection.close('subscription failed');
    throw error;
  }
  return connection;
}
