import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';

/**
 * A faithful Streamlabs Socket API on 127.0.0.1 (docs/protocol-tips.md): a Socket.IO server that takes the
 * Socket API token from the handshake query, refuses unknown tokens, and emits `event` packets shaped like the
 * live captures in shared/corpora/emotes-and-tips/streamlabs (amount as a string, `formatted_amount` and
 * `formattedAmount`, `_id`, numeric `id`, top-level `event_id`). Like the real socket it keeps nothing for
 * clients that are not connected, and it serves no recovery endpoint: the only documented one
 * (`GET /api/v2.0/donations`) needs an OAuth app token, which a Socket API token is not.
 */

export interface FakeDonation {
  name: string;
  /** Decimal string, as Streamlabs sends it (`"13.37"`). */
  amount: string;
  currency: string;
  message?: string;
  /** Donation id; a fresh one when omitted. */
  id?: number;
  isTest?: boolean;
}

export interface FakeStreamlabs {
  readonly url: string;
  readonly port: number;
  /** Live sockets per token. */
  connections(token?: string): number;
  /** Emits a donation to every socket of `token` (the first known token by default); returns its id. */
  donate(donation: FakeDonation, token?: string): number;
  merch(from: string, product: string, token?: string): void;
  redemption(from: string, product: string, token?: string): void;
  /** Any payload on the `event` channel (hostile input tests). */
  emitRaw(payload: unknown, token?: string): void;
  /** Server-side disconnect of every socket of `token` (what a revoked token looks like to the client). */
  revoke(token: string): void;
  /** Drops every connection like a network failure and stops listening. */
  kill(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

function formatUsdLike(amount: string, currency: string): string {
  const symbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
  return `${symbol[currency] ?? `${currency} `}${amount}`;
}

class FakeStreamlabsServer implements FakeStreamlabs {
  private io: Server | null = null;
  private boundPort: number;
  private nextId = 206984656;

  constructor(
    private readonly tokens: string[],
    port: number,
  ) {
    this.boundPort = port;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  async listen(): Promise<void> {
    const http = createServer();
    const io = new Server(http, { transports: ['websocket'], pingInterval: 25_000, pingTimeout: 20_000 });
    io.use((socket, next) => {
      const token = socket.handshake.query.token;
      if (typeof token === 'string' && this.tokens.includes(token)) {
        void socket.join(token);
        next();
      } else next(new Error('Unauthorized: invalid token'));
    });
    await new Promise<void>((resolve) => http.listen(this.boundPort, '127.0.0.1', resolve));
    this.boundPort = (http.address() as AddressInfo).port;
    this.io = io;
  }

  connections(token?: string): number {
    const sockets = [...(this.io?.sockets.sockets.values() ?? [])];
    return token ? sockets.filter((s: Socket) => s.rooms.has(token)).length : sockets.length;
  }

  donate(donation: FakeDonation, token = this.tokens[0] ?? ''): number {
    const id = donation.id ?? this.nextId++;
    const item = {
      id,
      name: donation.name,
      amount: donation.amount,
      formatted_amount: formatUsdLike(donation.amount, donation.currency),
      formattedAmount: formatUsdLike(donation.amount, donation.currency),
      message: donation.message ?? '',
      currency: donation.currency,
      emotes: '',
      iconClassName: 'fab paypal',
      to: { name: 'streamer' },
      from: donation.name,
      from_user_id: null,
      donation_currency: donation.currency,
      source: 'paypal',
      _id: hex(16),
      priority: 10,
      ...(donation.isTest ? { isTest: true } : {}),
    };
    this.emitRaw({ type: 'donation', message: [item], event_id: `evt_${hex(16)}` }, token);
    return id;
  }

  merch(from: string, product: string, token?: string): void {
    const item = { name: from, from, product, message: '', _id: hex(16), priority: 10 };
    this.emitRaw({ type: 'merch', for: 'streamlabs', message: [item], event_id: `evt_${hex(16)}` }, token);
  }

  redemption(from: string, product: string, token?: string): void {
    const item = { from, product, productType: 'custom', message: '', _id: hex(16) };
    const payload = { type: 'loyalty_store_redemption', for: 'streamlabs', message: [item] };
    this.emitRaw({ ...payload, event_id: `evt_${hex(16)}` }, token);
  }

  emitRaw(payload: unknown, token = this.tokens[0] ?? ''): void {
    this.io?.to(token).emit('event', payload);
  }

  revoke(token: string): void {
    this.io?.in(token).disconnectSockets(true);
  }

  async kill(): Promise<void> {
    // Close each engine.io connection without a Socket.IO disconnect packet: the client sees `transport close`.
    for (const socket of this.io?.sockets.sockets.values() ?? []) socket.conn.close();
    await this.closeListener();
  }

  restart(): Promise<void> {
    return this.listen();
  }

  async stop(): Promise<void> {
    this.io?.disconnectSockets(true);
    await this.closeListener();
  }

  private async closeListener(): Promise<void> {
    const io = this.io;
    this.io = null;
    if (io) await new Promise<void>((resolve) => void io.close(() => resolve()));
  }
}

/** Starts the fake; `tokens` are the Socket API tokens it accepts. */
export async function startFakeStreamlabs(
  options: { tokens?: string[]; port?: number } = {},
): Promise<FakeStreamlabs> {
  const server = new FakeStreamlabsServer(options.tokens ?? ['sl-socket-token-1'], options.port ?? 0);
  await server.listen();
  return server;
}
