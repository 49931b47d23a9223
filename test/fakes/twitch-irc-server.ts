import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  SERVER,
  formatTags,
  fullRoomState,
  notice,
  numericId,
  privmsgLine,
  rewriteChannel,
  userStateTags,
  type UserView,
} from './twitch-irc/lines';
import { checkSenderRules } from './twitch-irc/sender-rules';
import type { FakeTwitchIrc, FakeTwitchIrcOptions } from './twitch-irc/types';

/**
 * A protocol-faithful fake of Twitch IRC over WebSocket (docs/protocol-twitch.md §1.17): CAP ACK/NAK,
 * PASS/NICK login and its failure NOTICEs, JOIN/PART with membership, 353/366, USERSTATE/ROOMSTATE, PING both
 * ways, PRIVMSG broadcast with fresh ids, the 500-char, rate and duplicate rules, RECONNECT, and scripted
 * injections.
 */
export type { FakeTwitchIrc, FakeTwitchIrcOptions };

const KNOWN_CAPS = new Set(['twitch.tv/tags', 'twitch.tv/commands', 'twitch.tv/membership']);
const MAX_RECEIVED = 100_000;
const TICK_MS = 10;

interface Client {
  socket: WebSocket;
  caps: Set<string>;
  pass: string | null;
  login: string | null;
  anonymous: boolean;
  channels: Set<string>;
  sent: number[];
  last: Map<string, { text: string; at: number }>;
  pingTimer: NodeJS.Timeout | null;
  pongTimer: NodeJS.Timeout | null;
}

export async function startFakeTwitchIrc(options: FakeTwitchIrcOptions = {}): Promise<FakeTwitchIrc> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const fake = new FakeServer(server, options);
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: fake.received,
    connections: () => fake.clients.size,
    inject: (channel, lines) => fake.inject(channel, typeof lines === 'string' ? [lines] : lines),
    replay: (lines, rate, channel) => fake.replay(lines, rate, channel),
    sendReconnect: () => fake.sendReconnect(),
    dropAll: () => fake.dropAll(),
    setRefusing: (refusing) => (fake.refusing = refusing),
    setSilent: (silent) => (fake.silent = silent),
    setSlowMode: (channel, seconds) => fake.setSlowMode(channel, seconds),
    stop: () => fake.stop(),
  };
}

class FakeServer {
  readonly clients = new Set<Client>();
  readonly received: string[] = [];
  silent = false;
  refusing = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly mods: Set<string>;
  private readonly windowMs: number;
  private readonly slowMode = new Map<string, number>();

  constructor(
    private readonly server: WebSocketServer,
    private readonly options: FakeTwitchIrcOptions,
  ) {
    this.mods = new Set(options.mods ?? []);
    this.windowMs = options.rateWindowMs ?? 30_000;
    server.on('connection', (socket) => this.accept(socket));
  }

  private accept(socket: WebSocket): void {
    if (this.refusing) {
      socket.terminate();
      return;
    }
    const client: Client = {
      socket,
      caps: new Set(),
      pass: null,
      login: null,
      anonymous: true,
      channels: new Set(),
      sent: [],
      last: new Map(),
      pingTimer: null,
      pongTimer: null,
    };
    this.clients.add(client);
    socket.on('message', (data) => {
      for (const line of String(data).split(/\r?\n/)) if (line) this.onLine(client, line);
    });
    socket.on('close', () => this.forget(client));
    socket.on('error', () => this.forget(client));
  }

  private forget(client: Client): void {
    clearTimeout(client.pingTimer ?? undefined);
    clearTimeout(client.pongTimer ?? undefined);
    this.clients.delete(client);
  }

  private send(client: Client, lines: string[]): void {
    if (this.silent || client.socket.readyState !== client.socket.OPEN || lines.length === 0) return;
    client.socket.send(lines.map((line) => `${line}\r\n`).join(''));
  }

  /** Strip tags when the client did not request them (as Twitch does). */
  private shape(client: Client, line: string): string {
    if (client.caps.has('twitch.tv/tags') || !line.startsWith('@')) return line;
    return line.slice(line.indexOf(' ') + 1);
  }

  private onLine(client: Client, raw: string): void {
    if (this.received.length < MAX_RECEIVED) this.received.push(raw);
    if (this.silent) return;
    let line = raw;
    let tags = '';
    if (line.startsWith('@')) {
      const space = line.indexOf(' ');
      tags = line.slice(1, space);
      line = line.slice(space + 1);
    }
    const space = line.indexOf(' ');
    const command = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const rest = space < 0 ? '' : line.slice(space + 1);
    this.dispatch(client, command, rest, tags);
  }

  private dispatch(client: Client, command: string, rest: string, tags: string): void {
    switch (command) {
      case 'CAP':
        return this.onCap(client, rest);
      case 'PASS':
        client.pass = rest.trim();
        return;
      case 'NICK':
        return this.onNick(client, rest.trim().toLowerCase());
      case 'JOIN':
        return this.onJoin(client, rest);
      case 'PART':
        return this.onPart(client, rest);
      case 'PING':
        return this.send(client, [`:${SERVER} PONG ${SERVER} :${rest.replace(/^:/, '')}`]);
      case 'PONG':
        clearTimeout(client.pongTimer ?? undefined);
        client.pongTimer = null;
        return;
      case 'PRIVMSG':
        return this.onPrivmsg(client, rest, tags);
      default:
        return this.send(client, [`:${SERVER} 421 ${client.login ?? '*'} ${command} :Unknown command`]);
    }
  }

  private onCap(client: Client, rest: string): void {
    if (!rest.startsWith('REQ')) return;
    const wanted = rest
      .replace(/^REQ\s+:?/, '')
      .split(' ')
      .filter(Boolean);
    const ok = wanted.every((cap) => KNOWN_CAPS.has(cap));
    if (ok) wanted.forEach((cap) => client.caps.add(cap));
    this.send(client, [`:${SERVER} CAP * ${ok ? 'ACK' : 'NAK'} :${wanted.join(' ')}`]);
  }

  private onNick(client: Client, nick: string): void {
    if (/^justinfan\d+$/.test(nick)) {
      client.login = nick;
      client.anonymous = true;
      return this.welcome(client);
    }
    const pass = client.pass ?? '';
    if (!pass.toLowerCase().startsWith('oauth:'))
      return this.refuseLogin(client, 'Improperly formatted auth');
    const login = this.options.tokens?.[pass.slice(6)];
    if (!login) return this.refuseLogin(client, 'Login authentication failed');
    client.login = login;
    client.anonymous = false;
    this.welcome(client);
  }

  private refuseLogin(client: Client, text: string): void {
    this.send(client, [`:${SERVER} NOTICE * :${text}`]);
    client.socket.close();
  }

  private welcome(client: Client): void {
    const nick = client.login ?? '*';
    const lines = [
      `:${SERVER} 001 ${nick} :Welcome, GLHF!`,
      `:${SERVER} 002 ${nick} :Your host is ${SERVER}`,
      `:${SERVER} 003 ${nick} :This server is rather new`,
      `:${SERVER} 004 ${nick} :-`,
      `:${SERVER} 375 ${nick} :-`,
      `:${SERVER} 372 ${nick} :You are in a maze of twisty passages, all alike.`,
      `:${SERVER} 376 ${nick} :>`,
    ];
    if (!client.anonymous && client.caps.has('twitch.tv/commands')) {
      const tags = { ...userStateTags(this.userView(client, '')), 'user-id': numericId(nick) };
      lines.push(this.shape(client, `${formatTags(tags)} :${SERVER} GLOBALUSERSTATE`));
    }
    this.send(client, lines);
    this.schedulePing(client);
  }

  private schedulePing(client: Client): void {
    const interval = this.options.pingIntervalMs ?? 300_000;
    client.pingTimer = setTimeout(() => {
      if (!this.silent) {
        this.send(client, [`PING :${SERVER}`]);
        client.pongTimer = setTimeout(() => client.socket.terminate(), this.options.pongTimeoutMs ?? 10_000);
      }
      this.schedulePing(client);
    }, interval);
  }

  private userView(client: Client, channel: string): UserView {
    const login = client.login ?? '';
    return { login, mod: this.mods.has(login), broadcaster: login === channel };
  }

  private onJoin(client: Client, rest: string): void {
    if (client.login === null) return;
    for (const target of rest.replace(/^:/, '').split(',')) {
      const channel = target.trim().replace(/^#/, '').toLowerCase();
      if (!channel) continue;
      if (channel.startsWith('suspended')) {
        this.send(client, [
          notice(channel, 'msg_channel_suspended', 'This channel does not exist or has been suspended.'),
        ]);
        continue;
      }
      client.channels.add(channel);
      const nick = client.login;
      const join = `:${nick}!${nick}@${nick}.${SERVER} JOIN #${channel}`;
      const state = this.shape(
        client,
        `${formatTags(userStateTags(this.userView(client, channel)))} :${SERVER} USERSTATE #${channel}`,
      );
      this.send(client, [
        join,
        `:${nick}.${SERVER} 353 ${nick} = #${channel} :${nick}`,
        `:${nick}.${SERVER} 366 ${nick} #${channel} :End of /NAMES list`,
        state,
        this.shape(client, fullRoomState(channel)),
      ]);
      this.toMembers(channel, client, join);
    }
  }

  private onPart(client: Client, rest: string): void {
    const channel = rest.trim().replace(/^#/, '').toLowerCase();
    if (!client.channels.delete(channel) || client.login === null) return;
    const part = `:${client.login}!${client.login}@${client.login}.${SERVER} PART #${channel}`;
    this.send(client, [part]);
    this.toMembers(channel, client, part);
  }

  /** Membership lines go to the other clients that asked for them. */
  private toMembers(channel: string, except: Client, line: string): void {
    for (const other of this.clients) {
      if (other !== except && other.channels.has(channel) && other.caps.has('twitch.tv/membership'))
        this.send(other, [line]);
    }
  }

  private onPrivmsg(client: Client, rest: string, rawTags: string): void {
    const match = /^#(\S+) :?([\s\S]*)$/.exec(rest);
    if (!match || client.anonymous || client.login === null) return; // anonymous senders are ignored
    const [, channel, text] = match;
    if (!client.channels.has(channel)) return;
    const sender = this.userView(client, channel);
    const refusal = checkSenderRules(client, channel, text, {
      privileged: sender.mod || sender.broadcaster,
      windowMs: this.windowMs,
      slowSeconds: this.slowMode.get(channel) ?? 0,
      now: Date.now(),
    });
    if (refusal) return this.send(client, [this.shape(client, refusal)]);
    const user = this.userView(client, channel);
    const id = randomUUID();
    const extra: Record<string, string> = {};
    for (const tag of rawTags ? rawTags.split(';') : []) {
      const [key, value = ''] = tag.split('=');
      if (key === 'client-nonce' || key === 'reply-parent-msg-id') extra[key] = value;
    }
    const line = privmsgLine(user, channel, text, extra, id);
    for (const other of this.clients) {
      if (other !== client && other.channels.has(channel)) this.send(other, [this.shape(other, line)]);
    }
    this.send(client, [
      this.shape(client, `${formatTags(userStateTags(user, id))} :${SERVER} USERSTATE #${channel}`),
    ]);
  }

  inject(channel: string, lines: string[]): void {
    const rewritten = lines.map((line) => rewriteChannel(line, channel));
    for (const client of this.clients) {
      if (client.channels.has(channel))
        this.send(
          client,
          rewritten.map((line) => this.shape(client, line)),
        );
    }
  }

  replay(lines: string[], ratePerSecond: number, channel?: string): Promise<{ sent: number }> {
    const started = Date.now();
    let sent = 0;
    return new Promise((resolve) => {
      const tick = (): void => {
        const due = Math.min(lines.length, Math.floor(((Date.now() - started) / 1000) * ratePerSecond) + 1);
        const batch = lines.slice(sent, due);
        sent = due;
        if (batch.length > 0) this.deliver(batch, channel);
        if (sent >= lines.length) {
          this.timers.delete(timer);
          resolve({ sent });
          return;
        }
        timer.refresh();
      };
      const timer = setTimeout(tick, TICK_MS);
      this.timers.add(timer);
    });
  }

  /** Replay delivery: lines go to their own channel, or to `channel` when given (rewritten). */
  private deliver(batch: string[], channel?: string): void {
    if (channel) return this.inject(channel, batch);
    for (const client of this.clients) {
      if (client.channels.size > 0)
        this.send(
          client,
          batch.map((line) => this.shape(client, line)),
        );
    }
  }

  setSlowMode(channel: string, seconds: number): void {
    this.slowMode.set(channel, seconds);
    this.inject(channel, [`@room-id=${numericId(channel)};slow=${seconds} :${SERVER} ROOMSTATE #${channel}`]);
  }

  sendReconnect(): void {
    const grace = this.options.reconnectGraceMs ?? 2000;
    for (const client of this.clients) {
      this.send(client, [`:${SERVER} RECONNECT`]);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        client.socket.close();
      }, grace);
      this.timers.add(timer);
    }
  }

  dropAll(): void {
    for (const client of this.clients) client.socket.terminate();
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const client of [...this.clients]) {
      this.forget(client);
      client.socket.terminate();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
