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
export async function startFakeChatKc(options: FakeChatKcOptions = {}): Promise<FakeChatKc> {
  const now = options.now ?? Date.now;
  const db = new FakeDb({
    tokens: options.tokens ?? CAPTURE_TOKENS,
    bannedWords: options.bannedWords ?? ['badword'],
    nextMessageId: options.nextMessageId ?? 1,
  });
  seed(db, options.seedHistory ?? [], now);
  let garbage = 1946238848;
  const logic = new ChatKcLogic(db, {
    botName: options.botName ?? 'Bot',
    botColor: options.botColor ?? 'FFFFFF',
    now,
    random: options.random ?? Math.random,
    timeZone: options.timeZone ?? 'America/Los_Angeles',
    garbageLevel: () => (garbage += 201216),
  });
  const peers = new Set<LivePeer>();
  let server: WebSocketServer | null = null;
  let port = options.port ?? 0;

  const attach = (ws: WebSocket, address: string): void => {
    const peer: LivePeer = {
      ws,
      address,
      access: [],
      send: (text) => ws.readyState === ws.OPEN && ws.send(text),
    };
    peers.add(peer);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) logic.onPacket(peer, data.toString());
    });
    ws.on('close', () => {
      if (peers.delete(peer)) logic.onClose(peer);
    });
    ws.on('error', () => ws.terminate());
  };

  const listen = async (): Promise<void> => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    wss.on('connection', (ws, request) =>
      attach(ws, (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '')),
    );
    port = (wss.address() as AddressInfo).port;
    server = wss;
  };

  const closeServer = async (polite: boolean): Promise<void> => {
    const wss = server;
    server = null;
    for (const peer of [...peers]) {
      // A killed server sends nothing more: forget the peer before its socket reports the close.
      if (!polite) peers.delete(peer);
      if (polite) peer.ws.close(1001, 'server stopping');
      else peer.ws.terminate();
    }
    if (!polite) {
      logic.socketAuthor.clear();
      logic.authorSockets.clear();
    }
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
  };

  await listen();
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    db,
    messages: () => db.history.map((m) => ({ ...m })),
    connections: () =>
      [...peers].map((peer) => {
        const authorId = logic.socketAuthor.get(peer) ?? null;
        return {
          address: peer.address,
          authorId,
          name: authorId ? (db.users.get(authorId)?.name ?? null) : null,
        };
      }),
    say: (name, text, opts) => logic.say(name, text, opts),
    kill: () => closeServer(false),
    restart: async () => {
      if (!server) await listen();
    },
    stop: () => closeServer(true),
  };
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
