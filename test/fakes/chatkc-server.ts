import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CAPTURE_TOKENS,
  FakeDb,
  type FakeAccount,
  type SeedMessage,
  type StoredMessage,
} from './chatkc/fake-db';
import { ChatKcLogic, type Peer } from './chatkc/server-logic';

export type { FakeAccount, SeedMessage, StoredMessage } from './chatkc/fake-db';
export { CAPTURE_TOKENS } from './chatkc/fake-db';

export interface FakeChatKcOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** token → account; defaults to the capture's accounts (`tok-admin`, `tok-mod`, `tok-user`, `tok-new`). */
  tokens?: Record<string, FakeAccount>;
  seedHistory?: SeedMessage[];
  /** Id of the next stored message (the capture's database was at 21372). Default 1. */
  nextMessageId?: number;
  now?: () => number;
  random?: () => number;
  bannedWords?: string[];
  botName?: string;
  botColor?: string;
  timeZone?: string;
}

export interface FakeConnectionInfo {
  address: string;
  /** Null before `hello`/authentication; 0 = anonymous. */
  authorId: number | null;
  name: string | null;
}

export interface FakeChatKc {
  readonly url: string;
  readonly port: number;
  /** The database, kept across `kill()`/`restart()`. */
  readonly db: FakeDb;
  messages(): StoredMessage[];
  connections(): FakeConnectionInfo[];
  /** Posts as user `name` (no socket needed); returns the message id, 0 when not stored, null when refused. */
  say(name: string, text: string, opts?: { donate?: string; reply?: number }): number | null;
  /** Destroys every socket abruptly and stops listening. */
  kill(): Promise<void>;
  /** Listens again on the same port with the same database. */
  restart(): Promise<void>;
  /** Closes every socket politely and stops listening. */
  stop(): Promise<void>;
}

interface LivePeer extends Peer {
  ws: WebSocket;
}

/** A protocol-faithful ChatKC server (the reference kcchat-server's behaviour) on 127.0.0.1. */
class FakeChatKcServer implements FakeChatKc {
  readonly db: FakeDb;
  private readonly logic: ChatKcLogic;
  private readonly peers = new Set<LivePeer>();
  private server: WebSocketServer | null = null;
  private boundPort: number;

  constructor(options: FakeChatKcOptions) {
    const now = options.now ?? Date.now;
    this.boundPort = options.port ?? 0;
    this.db = new FakeDb({
      tokens: options.tokens ?? CAPTURE_TOKENS,
      bannedWords: options.bannedWords ?? ['badword'],
      nextMessageId: options.nextMessageId ?? 1,
    });
    seed(this.db, options.seedHistory ?? [], now);
    let garbage = 1946238848;
    this.logic = new ChatKcLogic(this.db, {
      botName: options.botName ?? 'Bot',
      botColor: options.botColor ?? 'FFFFFF',
      now,
      random: options.random ?? Math.random,
      timeZone: options.timeZone ?? 'America/Los_Angeles',
      garbageLevel: () => (garbage += 201216),
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${this.boundPort}`;
  }

  get port(): number {
    return this.boundPort;
  }

  messages(): StoredMessage[] {
    return this.db.history.map((m) => ({ ...m }));
  }

  connections(): FakeConnectionInfo[] {
    return [...this.peers].map((peer) => {
      const authorId = this.logic.socketAuthor.get(peer) ?? null;
      return {
        address: peer.address,
        authorId,
        name: authorId ? (this.db.users.get(authorId)?.name ?? null) : null,
      };
    });
  }

  say(name: string, text: string, opts?: { donate?: string; reply?: number }): number | null {
    return this.logic.say(name, text, opts);
  }

  async listen(): Promise<void> {
    if (this.server) return;
    const wss = new WebSocketServer({ host: '127.0.0.1', port: this.boundPort, maxPayload: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('connection', (ws, request) =>
      this.attach(ws, (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '')),
    );
    this.boundPort = (wss.address() as AddressInfo).port;
    this.server = wss;
  }

  restart(): Promise<void> {
    return this.listen();
  }

  kill(): Promise<void> {
    // A killed server sends nothing more: forget every peer before its socket reports the close.
    for (const peer of this.peers) peer.ws.terminate();
    this.peers.clear();
    this.logic.socketAuthor.clear();
    this.logic.authorSockets.clear();
    return this.closeListener();
  }

  stop(): Promise<void> {
    for (const peer of this.peers) peer.ws.close(1001, 'server stopping');
    return this.closeListener();
  }

  private attach(ws: WebSocket, address: string): void {
    const send = (text: string): void => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    };
    const peer: LivePeer = { ws, address, access: [], send };
    this.peers.add(peer);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.logic.onPacket(peer, data.toString());
    });
    ws.on('close', () => {
      if (this.peers.delete(peer)) this.logic.onClose(peer);
    });
    ws.on('error', () => ws.terminate());
  }

  private async closeListener(): Promise<void> {
    const wss = this.server;
    this.server = null;
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
  }
}

export async function startFakeChatKc(options: FakeChatKcOptions = {}): Promise<FakeChatKc> {
  const server = new FakeChatKcServer(options);
  await server.listen();
  return server;
}

function seed(db: FakeDb, messages: SeedMessage[], now: () => number): void {
  for (const m of messages) {
    db.insert({
      userId: m.userId,
      time: m.time ?? now(),
      message: m.message,
      dropped: m.dropped ?? false,
      donate: m.donate ?? '',
      reply: m.reply ?? 0,
    });
  }
}
