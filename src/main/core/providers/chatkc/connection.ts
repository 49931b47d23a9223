import type WebSocket from 'ws';
import type { Clock, TimerHandle } from '../../clock';
import type { CloseInfo, ManagedConnection } from '../../net/connection-manager';
import { openSocket } from '../../net/open-socket';
import { encodeClientFrame, MAX_FRAME_CHARS, type ClientFrame } from './protocol';
import { RequestQueue } from './requests';
import { SendPacer } from './send-pacer';

/** ChatKC has no application ping; WebSocket pings find a dead TCP connection. */
const PING_EVERY_MS = 30_000;
const PONG_WITHIN_MS = 10_000;

export interface ConnectionOptions {
  url: string;
  token: string | null;
  clock: Clock;
  ackTimeoutMs: number;
  /** Raw text of every frame from the server. */
  onFrame: (raw: string, connection: ChatKcConnection) => void;
  onBinaryFrame: () => void;
}

/**
 * One ChatKC socket: paced sending, the request queue bound to it, per-connection replay state and a
 * liveness check. It is a `ManagedConnection`, so the shared ConnectionManager reconnects it.
 */
export class ChatKcConnection implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  /** The server answered `hello` (it always does: history, then at least its bot's `join`). */
  readonly established: Promise<void>;
  readonly requests: RequestQueue;
  /** True from `hello` until the first `join`: chat frames meanwhile are history replay. */
  replaying = true;
  /** The first `join` of a connection resets presence. */
  presenceStarted = false;
  private readonly pacer: SendPacer;
  private pingTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private finish: (info: CloseInfo) => void = () => {};
  private markEstablished: () => void = () => {};

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.closed = new Promise((resolve) => (this.finish = resolve));
    this.established = new Promise((resolve) => (this.markEstablished = resolve));
    this.pacer = new SendPacer(options.clock, (text) => socket.send(text));
    this.requests = new RequestQueue(options.clock, options.ackTimeoutMs, (frame) => this.send(frame));
    socket.on('message', (data, isBinary) => {
      this.markEstablished();
      if (isBinary) options.onBinaryFrame();
      else options.onFrame(data.toString(), this);
    });
    socket.on('pong', () => this.clearPong());
    socket.on('close', (code) => this.shutDown(`socket closed (code ${code})`));
    socket.on('error', (error) => this.shutDown(`socket error: ${error.message}`));
    this.schedulePing();
  }

  get queueDepth(): number {
    return this.pacer.depth + this.requests.depth;
  }

  send(frame: ClientFrame): void {
    this.pacer.push(encodeClientFrame(frame, this.options.token));
  }

  close(reason: string): void {
    this.shutDown(reason);
  }

  private shutDown(reason: string): void {
    this.options.clock.clearTimeout(this.pingTimer);
    this.clearPong();
    this.pacer.close();
    this.requests.failAll('The connection to ChatKC was lost before it answered');
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.terminate();
    }
    this.finish({ reason });
  }

  private schedulePing(): void {
    this.pingTimer = this.options.clock.setTimeout(() => {
      if (this.socket.readyState !== this.socket.OPEN) return;
      this.socket.ping();
      this.clearPong();
      this.pongTimer = this.options.clock.setTimeout(
        () => this.shutDown('no pong from ChatKC'),
        PONG_WITHIN_MS,
      );
      this.schedulePing();
    }, PING_EVERY_MS);
  }

  private clearPong(): void {
    this.options.clock.clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }
}

/** Opens the socket and says `hello` (plus `status` and `getuserconf` when signed in). */
export async function openChatKcConnection(
  options: ConnectionOptions,
  lastMessageId: number,
): Promise<ChatKcConnection> {
  const socket = await openSocket(options.url, { maxPayload: MAX_FRAME_CHARS * 4 });
  const connection = new ChatKcConnection(socket, options);
  connection.send({ type: 'hello', data: { last_message: lastMessageId } });
  if (options.token) {
    connection.send({ type: 'status', data: {} });
    connection.send({ type: 'getuserconf' });
  }
  return connection;
}
