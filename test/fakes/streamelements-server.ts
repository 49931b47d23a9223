import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  makeTipDoc,
  pageOfTips,
  parseTipsQuery,
  type NewTip,
  type TipDoc,
} from './streamelements/tips-store';

export type { NewTip, TipDoc } from './streamelements/tips-store';

/**
 * A faithful StreamElements on 127.0.0.1, built from StreamElements' own docs (docs/protocol-tips.md):
 * - the Astro gateway: `welcome` on connect; `subscribe`/`unsubscribe` requests answered with a `response`
 *   echoing the nonce (success with the canonical `room`, or `error` = `err_unauthorized`, `err_bad_request`,
 *   `invalid_message_type`); `message` frames `{id, ts, type, topic, room, data}`; WebSocket PING frames every
 *   30 s and a close after 70 s without PONG; a `reconnect` frame before a graceful shutdown;
 * - the REST API: `GET /kappa/v2/tips/:channel` (bearer JWT; `after`, `before`, `limit` 1–100, `offset`,
 *   `sort`) answering `{docs, total, limit, offset}`, and `GET /kappa/v2/channels/me`.
 * Tips are kept per channel, so a tip sent while a client is away can be recovered over REST.
 */

export interface FakeStreamElementsOptions {
  /** JWT → channel id. */
  tokens?: Record<string, string>;
  port?: number;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
}

export interface FakeStreamElements {
  /** The gateway (`ws://…/`). */
  readonly url: string;
  /** The REST base (`http://…/kappa/v2`). */
  readonly apiUrl: string;
  readonly port: number;
  /** Stores a tip on `channel` (the first token's channel by default) and publishes it to subscribers. */
  tip(tip: NewTip, channel?: string): TipDoc;
  /** Any text frame to every socket (hostile input tests). */
  sendRaw(frame: string): void;
  /** Sockets currently subscribed to `channel.tips`. */
  subscribers(): number;
  subscribeRequests(): number;
  /** Paths (with query) of every REST request. */
  restRequests(): string[];
  /** Sends `reconnect` to every socket and closes them after `graceMs` (a graceful gateway shutdown). */
  shutDownGracefully(graceMs?: number): void;
  /** Stops sending keep-alive pings (a half-dead gateway). */
  stopPinging(): void;
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Peer {
  ws: WebSocket;
  rooms: Set<string>;
  lastPongAt: number;
}

const ulid = (): string => randomBytes(16).toString('hex').toUpperCase().slice(0, 26);
const ts = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const TOPICS = new Set(['channel.tips', 'channel.tips.moderation', 'channel.activities']);
const TOKEN_TYPES = new Set(['jwt', 'oauth2', 'apikey']);

class FakeStreamElementsServer implements FakeStreamElements {
  private readonly tips = new Map<string, TipDoc[]>();
  private readonly peers = new Set<Peer>();
  private readonly rest: string[] = [];
  private http: Server | null = null;
  private wss: WebSocketServer | null = null;
  private pinger: ReturnType<typeof setInterval> | null = null;
  private pinging = true;
  private subscribes = 0;
  private boundPort: number;

  constructor(
    private readonly options: Required<Omit<FakeStreamElementsOptions, 'port'>> & { port: number },
  ) {
    this.boundPort = options.port;
  }

  get port(): number {
    return this.boundPort;
  }
  get url(): string {
    return `ws://127.0.0.1:${this.boundPort}/`;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.boundPort}/kappa/v2`;
  }

  async listen(): Promise<void> {
    const wss = new WebSocketServer({ noServer: true });
    const http = createServer((req, res) => this.onRest(req, res));
    http.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws)),
    );
    await new Promise<void>((resolve) => http.listen(this.boundPort, '127.0.0.1', resolve));
    this.boundPort = (http.address() as AddressInfo).port;
    this.http = http;
    this.wss = wss;
    this.pinger = setInterval(() => this.keepAlive(), this.options.pingIntervalMs);
  }

  tip(tip: NewTip, channel = Object.values(this.options.tokens)[0] ?? ''): TipDoc {
    const doc = makeTipDoc(channel, tip, Date.now());
    this.tips.set(channel, [...(this.tips.get(channel) ?? []), doc]);
    if (doc.approved !== 'allowed') return doc;
    const frame = JSON.stringify({
      id: ulid(),
      ts: ts(),
      type: 'message',
      topic: 'channel.tips',
      room: channel,
      data: doc,
    });
    for (const peer of this.peers) if (peer.rooms.has(`channel.tips:${channel}`)) peer.ws.send(frame);
    return doc;
  }

  sendRaw(frame: string): void {
    for (const peer of this.peers) peer.ws.send(frame);
  }

  subscribers(): number {
    return [...this.peers].filter((peer) => [...peer.rooms].some((r) => r.startsWith('channel.tips:')))
      .length;
  }

  subscribeRequests(): number {
    return this.subscribes;
  }

  restRequests(): string[] {
    return [...this.rest];
  }

  shutDownGracefully(graceMs = 200): void {
    const frame = JSON.stringify({
      type: 'reconnect',
      data: {
        message: 'The server is shutting down.',
        reconnect_token: randomBytes(24).toString('base64url'),
      },
    });
    for (const peer of this.peers) {
      peer.ws.send(frame);
      setTimeout(() => peer.ws.close(1001, 'going away'), graceMs);
    }
  }

  stopPinging(): void {
    this.pinging = false;
  }

  async kill(): Promise<void> {
    for (const peer of this.peers) peer.ws.terminate();
    this.peers.clear();
    await this.closeListener();
  }

  restart(): Promise<void> {
    return this.listen();
  }

  async stop(): Promise<void> {
    for (const peer of this.peers) peer.ws.close(1001, 'server stopping');
    await this.closeListener();
  }

  private onSocket(ws: WebSocket): void {
    const peer: Peer = { ws, rooms: new Set(), lastPongAt: Date.now() };
    this.peers.add(peer);
    ws.on('pong', () => (peer.lastPongAt = Date.now()));
    ws.on('close', () => this.peers.delete(peer));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onRequest(peer, data.toString()); // binary frames are ignored
    });
    const welcome = { message: 'You are in a maze of dank memes, all alike.', client_id: ulid() };
    ws.send(JSON.stringify({ id: ulid(), ts: ts(), type: 'welcome', data: welcome }));
  }

  private onRequest(peer: Peer, raw: string): void {
    let request: { type?: unknown; nonce?: unknown; data?: Record<string, unknown> };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      return this.respond(peer, '', 'err_bad_request', 'malformed request');
    }
    const nonce = typeof request.nonce === 'string' ? request.nonce : '';
    const data = request.data ?? {};
    if (request.type === 'unsubscribe') {
      for (const room of [...peer.rooms])
        if (room.startsWith(`${String(data.topic)}:`)) peer.rooms.delete(room);
      return this.respond(peer, nonce, null, 'successfully unsubscribed from topic', { topic: data.topic });
    }
    if (request.type !== 'subscribe')
      return this.respond(peer, nonce, 'invalid_message_type', 'unknown command');
    this.subscribes += 1;
    this.subscribe(peer, nonce, data);
  }

  private subscribe(peer: Peer, nonce: string, data: Record<string, unknown>): void {
    const { topic, token, token_type: tokenType, room } = data;
    if (typeof topic !== 'string' || !TOPICS.has(topic))
      return this.respond(peer, nonce, 'err_bad_request', 'invalid topic');
    if (typeof token !== 'string' || !token)
      return this.respond(peer, nonce, 'err_bad_request', 'missing token');
    if (typeof tokenType !== 'string' || !TOKEN_TYPES.has(tokenType))
      return this.respond(peer, nonce, 'err_bad_request', 'invalid token_type');
    const channel = this.options.tokens[token];
    if (!channel) return this.respond(peer, nonce, 'err_unauthorized', 'invalid token');
    if (typeof room === 'string' && room && room !== channel)
      return this.respond(peer, nonce, 'err_unauthorized', 'permission denied');
    peer.rooms.add(`${topic}:${channel}`);
    this.respond(peer, nonce, null, 'successfully subscribed to topic', { topic, room: channel });
  }

  private respond(
    peer: Peer,
    nonce: string,
    error: string | null,
    message: string,
    extra: object = {},
  ): void {
    const frame = {
      id: ulid(),
      ts: ts(),
      type: 'response',
      nonce,
      ...(error ? { error } : {}),
      data: { message, ...extra },
    };
    peer.ws.send(JSON.stringify(frame));
  }

  private keepAlive(): void {
    const now = Date.now();
    for (const peer of this.peers) {
      if (now - peer.lastPongAt > this.options.pongTimeoutMs) peer.ws.terminate();
      else if (this.pinging) peer.ws.ping();
    }
  }

  private onRest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.rest.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const channel = bearer ? this.options.tokens[bearer] : undefined;
    if (!channel) return send(401, { statusCode: 401, error: 'Unauthorized', message: 'invalid token' });
    if (req.method === 'GET' && url.pathname === '/kappa/v2/channels/me')
      return send(200, { _id: channel, username: 'streamer', alias: 'streamer', provider: 'twitch' });
    const match = /^\/kappa\/v2\/tips\/([0-9a-f]{24})$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return send(404, { statusCode: 404, error: 'Not Found' });
    if (match[1] !== channel) return send(403, { statusCode: 403, error: 'Forbidden' });
    const query = parseTipsQuery(url.searchParams);
    if (!query) return send(400, { statusCode: 400, error: 'Bad Request', message: 'invalid query' });
    send(200, pageOfTips(this.tips.get(channel) ?? [], query));
  }

  private async closeListener(): Promise<void> {
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = null;
    const http = this.http;
    this.http = null;
    this.wss?.close();
    this.wss = null;
    if (http) {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }
}

export async function startFakeStreamElements(
  options: FakeStreamElementsOptions = {},
): Promise<FakeStreamElements> {
  const server = new FakeStreamElementsServer({
    tokens: options.tokens ?? { 'se-jwt-1': '5ad23dcc18fff500d78c5348' },
    port: options.port ?? 0,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    pongTimeoutMs: options.pongTimeoutMs ?? 70_000,
  });
  await server.listen();
  return server;
}
