import { mentionResponse, runCommand, type BotResponse, type CommandHost } from './commands';
import {
  AUTH_MOD,
  FakeDb,
  hasAstralCharacter,
  qtToInt,
  qtToString,
  type StoredMessage,
  type UserRow,
} from './fake-db';
import { serverFrame, type QtJsonValue } from './qt-json';
import { blanksToSpaces, escapeHtml, formatQtDate } from './server-text';

/** One connected socket as the logic sees it. */
export interface Peer {
  readonly address: string;
  send(text: string): void;
  /** Times of the last packets (the 10-per-second limit). */
  access: number[];
}

export interface LogicOptions {
  botName: string;
  botColor: string;
  now: () => number;
  random: () => number;
  timeZone: string;
  /** Value the real server leaks for the bot's level in history replay (an uninitialised int). */
  garbageLevel: () => number;
}

const HISTORY_LENGTH = 50;
const DUPLICATE_SLOW_MODE_S = 30;
const FOLLOW_MODE_S = 600;
const NAME_CHANGE_INTERVAL_S = 2_592_000;
const MAX_CHAT_LENGTH = 500;
const MAX_REQUESTS = 10;
const REQUEST_WINDOW_MS = 1000;

const frame = (type: string, data: { [key: string]: QtJsonValue }): string => serverFrame(type, data);
const statusFrame = (status: string): string => frame('status', { status });

/**
 * The reference server's behaviour (itsmattkc/kcchat-server as captured in
 * `corpora/chatkc/kcchat-server-capture`), independent of sockets so it stays readable.
 */
export class ChatKcLogic {
  /** Sockets that said hello or authenticated → their author id (0 = anonymous). Broadcasts go to these. */
  readonly socketAuthor = new Map<Peer, number>();
  readonly authorSockets = new Map<number, Peer[]>();
  private readonly timers = new Map<string, number>();

  constructor(
    readonly db: FakeDb,
    private readonly options: LogicOptions,
  ) {}

  onPacket(peer: Peer, raw: string): void {
    if (this.overRateLimit(peer)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const packet = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    const field = (key: string): unknown => (packet as Record<string, unknown>)[key];
    const type = qtToString(field('type'));
    if (type === 'hello') return this.hello(peer, field('data'));
    if ((this.db.bannedHosts.get(peer.address) ?? 0) > this.nowSeconds())
      return peer.send(statusFrame('banned'));
    const token = qtToString(field('token'));
    const userId = this.db.tokens.get(token);
    if (!token || qtToString(field('auth')) !== 'google' || userId === undefined) {
      return peer.send(statusFrame('unauthenticated'));
    }
    this.authenticated(peer, type, field('data'), userId);
  }

  onClose(peer: Peer): void {
    const author = this.socketAuthor.get(peer);
    this.socketAuthor.delete(peer);
    if (author === undefined || author === 0) return;
    const left = (this.authorSockets.get(author) ?? []).filter((p) => p !== peer);
    if (left.length > 0) return void this.authorSockets.set(author, left);
    this.authorSockets.delete(author);
    const name = this.db.users.get(author)?.name;
    if (name) this.broadcast(frame('part', { name }));
  }

  /** Posts as a user without a socket (tests, demo); null when the name is unknown. */
  say(name: string, text: string, opts: { donate?: string; reply?: number } = {}): number | null {
    const user = this.db.userByName(name);
    if (!user?.name) return null;
    return this.publish(user, text, opts.reply ?? 0, opts.donate ?? '');
  }

  broadcast(text: string): void {
    for (const peer of this.socketAuthor.keys()) peer.send(text);
  }

  private overRateLimit(peer: Peer): boolean {
    // The real rule: the last 10 packets (this one included) must span at least a second; discarded ones count.
    peer.access.push(this.options.now());
    if (peer.access.length > MAX_REQUESTS) peer.access.shift();
    const first = peer.access[0] ?? 0;
    const last = peer.access[peer.access.length - 1] ?? 0;
    return peer.access.length === MAX_REQUESTS && last - first < REQUEST_WINDOW_MS;
  }

  private nowSeconds(): number {
    return Math.floor(this.options.now() / 1000);
  }

  private hello(peer: Peer, data: unknown): void {
    const last = qtToInt(isObject(data) ? data.last_message : undefined);
    const rows = this.db.historyAfter(last, HISTORY_LENGTH);
    const frames: string[] = [];
    // Newest first, like the real loop: a bot row reuses the level left in the (uninitialised) struct.
    let carriedLevel = this.options.garbageLevel();
    for (const row of rows) {
      const user = row.userId === 0 ? null : this.db.users.get(row.userId);
      if (row.userId !== 0 && !user) continue;
      if (user) carriedLevel = user.level;
      const author = user ? (user.name ?? '') : this.options.botName;
      frames.push(this.chatFrame(row, author, user?.color ?? '', carriedLevel));
    }
    for (const text of frames.reverse()) peer.send(text);
    peer.send(frame('join', { name: this.options.botName }));
    for (const id of this.authorsInHashOrder()) {
      const name = this.db.users.get(id)?.name;
      if (name) peer.send(frame('join', { name }));
    }
    this.insertSocket(0, peer);
  }

  /** Qt's QHash<qint64> iterates by bucket; `id ^ 3` reproduces the order seen in the capture. */
  private authorsInHashOrder(): number[] {
    return [...this.authorSockets.keys()].sort((a, b) => (a ^ 3) - (b ^ 3));
  }

  private insertSocket(author: number, peer: Peer): void {
    let joined = false;
    if (author !== 0) {
      const sockets = this.authorSockets.get(author) ?? [];
      joined = sockets.length === 0;
      if (!sockets.includes(peer)) this.authorSockets.set(author, [...sockets, peer]);
    }
    this.socketAuthor.set(peer, author);
    const name = this.db.users.get(author)?.name;
    if (joined && name) this.broadcast(frame('join', { name }));
  }

  private authenticated(peer: Peer, type: string, data: unknown, userId: number): void {
    this.insertSocket(userId, peer);
    const user = this.db.users.get(userId);
    if (!user) return peer.send(statusFrame('unauthenticated'));
    if (type === 'status') {
      peer.send(statusFrame(this.userState(user)));
      peer.send(frame('authlevel', { value: user.level }));
    } else if (type === 'getuserconf') {
      peer.send(frame('getuserconf', { name: user.name ?? '', color: user.color }));
    } else if (type === 'setuserconf') {
      this.setUserConf(peer, user, isObject(data) ? data : {});
    } else if (type === 'message') {
      this.chatMessage(peer, user, isObject(data) ? data : {});
    }
  }

  private userState(user: UserRow): string {
    if (user.bannedUntil > this.nowSeconds()) return 'banned';
    return user.name ? 'authenticated' : 'rename';
  }

  private setUserConf(peer: Peer, user: UserRow, data: Record<string, unknown>): void {
    user.color = qtToString(data.color);
    const newName = qtToString(data.name).trim();
    if (newName !== (user.name ?? '')) {
      const error = this.nameError(user, newName);
      if (error) return peer.send(statusFrame(error));
      const oldName = user.name;
      user.name = newName;
      user.nameChangedAt = this.nowSeconds();
      if (oldName) this.broadcast(frame('part', { name: oldName }));
      this.broadcast(frame('join', { name: newName }));
    }
    peer.send(statusFrame('setuserconf'));
  }

  private nameError(user: UserRow, name: string): string | null {
    if (name.length < 3 || name.length > 32) return 'namelength';
    if (!/^[A-Za-z0-9_]+$/.test(name)) return 'nameinvalid';
    if (this.nowSeconds() < user.nameChangedAt + NAME_CHANGE_INTERVAL_S) return 'nametimeout';
    const owner = this.db.userByName(name);
    return owner && owner !== user ? 'nameexists' : null;
  }

  private chatMessage(peer: Peer, user: UserRow, data: Record<string, unknown>): void {
    if (user.bannedUntil > this.nowSeconds()) return peer.send(statusFrame('banned'));
    if (!user.name) return peer.send(statusFrame('rename'));
    const text = qtToString(data.text).trim();
    if (!text) return;
    let response: BotResponse | null = null;
    if (text.startsWith('!') || text.startsWith('/')) {
      response = runCommand(text.slice(1), user, this.commandHost());
      if (!response) return;
    } else if (text.toLowerCase().includes(`@${this.options.botName.toLowerCase()}`)) {
      response = mentionResponse(text, user, this.options.botName, this.options.random);
    }
    const goesPublic = !response || response.public;
    if (goesPublic && user.level < AUTH_MOD && !this.passesSlowModes(peer, user, text)) return;
    if (goesPublic) this.publish(user, text, qtToInt(data.reply), '');
    if (response) this.reply(user, response);
    peer.send(frame('accepted', { message: text }));
  }

  private passesSlowModes(peer: Peer, user: UserRow, text: string): boolean {
    const now = this.nowSeconds();
    const wait = user.lastMessageTime + DUPLICATE_SLOW_MODE_S - now;
    if (text === user.lastMessage && wait > 0) {
      const message = `Your identical message was sent too quickly, please wait ${wait} seconds to send it again.`;
      peer.send(frame('servermsg', { message }));
      return false;
    }
    const followDelta = now - (user.createdAt + FOLLOW_MODE_S);
    if (followDelta < 0) {
      const message = `Your account must be at least ${FOLLOW_MODE_S} seconds old to message here. Please wait another ${-followDelta} seconds.`;
      peer.send(frame('servermsg', { message }));
      return false;
    }
    // The 3-byte-utf8 column refuses emoji, so the real server fails to record them as the last message.
    if (!hasAstralCharacter(text)) {
      user.lastMessage = text;
      user.lastMessageTime = now;
    }
    return true;
  }

  private reply(author: UserRow, response: BotResponse): void {
    if (response.public) {
      const bot: UserRow = {
        ...author,
        id: 0,
        name: this.options.botName,
        color: this.options.botColor,
        level: AUTH_MOD,
      };
      this.publish(bot, `@${author.name} ${response.text}`, 0, '');
      return;
    }
    for (const peer of this.authorSockets.get(author.id) ?? []) {
      peer.send(frame('servermsg', { message: response.text }));
    }
  }

  private publish(user: UserRow, rawText: string, reply: number, donate: string): number | null {
    const text = blanksToSpaces(rawText).trim();
    if (!text || text.length > MAX_CHAT_LENGTH) return null;
    const dropped = !this.db.isAcceptable(text);
    const time = this.options.now();
    const id = this.db.insert({ userId: user.id, time, message: text, dropped, donate, reply });
    if (dropped) return null;
    const row: StoredMessage = { id, userId: user.id, time, message: text, dropped, donate, reply };
    this.broadcast(this.chatFrame(row, user.name ?? '', user.color, user.level));
    return id;
  }

  private chatFrame(row: StoredMessage, author: string, color: string, level: number): string {
    return frame('chat', {
      id: row.id,
      time: row.time,
      author,
      author_id: row.userId,
      author_color: color,
      author_level: level,
      auth: level,
      message: escapeHtml(row.message),
      donate_value: row.donate,
      reply: row.reply,
    });
  }

  private commandHost(): CommandHost {
    return {
      nowSeconds: () => this.nowSeconds(),
      formatTime: (seconds) => formatQtDate(seconds, this.options.timeZone),
      timers: this.timers,
      info: () =>
        `Version: 0.1<br>Slow Mode: 0 seconds<br>Duplicate Slow Mode: ${DUPLICATE_SLOW_MODE_S} seconds<br>Follow Mode: ${FOLLOW_MODE_S} seconds`,
      findUser: (name) => this.db.userByName(name),
      dropMessages: (ids, updateDb) => this.dropMessages(ids, updateDb),
      banUser: (user, until) => this.banUser(user, until),
      unbanUser: (user) => {
        user.bannedUntil = 0;
        for (const peer of this.authorSockets.get(user.id) ?? [])
          peer.send(statusFrame(this.userState(user)));
      },
      banAddress: (address, until) => void this.db.bannedHosts.set(address, until),
      setLevel: (user, level) => {
        user.level = level;
        for (const peer of this.authorSockets.get(user.id) ?? [])
          peer.send(frame('authlevel', { value: level }));
      },
    };
  }

  private dropMessages(ids: number[], updateDb: boolean): void {
    if (updateDb) for (const id of ids) this.db.dropMessage(id);
    this.broadcast(frame('delete', { messages: ids }));
  }

  private banUser(user: UserRow, until: number): void {
    user.bannedUntil = until;
    const ids = this.db.history.filter((m) => m.userId === user.id && !m.dropped).map((m) => m.id);
    for (const id of ids) this.db.dropMessage(id);
    this.dropMessages(ids, false);
    for (const peer of this.authorSockets.get(user.id) ?? []) peer.send(statusFrame('banned'));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
