/** The fake server's "database": users, tokens, history and banned hosts (tables of the reference server). */

export const AUTH_USER = 0;
export const AUTH_MEMBER = 20;
export const AUTH_MOD = 50;
export const AUTH_ADMIN = 100;
/** `Number.MAX_SAFE_INTEGER`, the reference server's "banned forever". */
export const BAN_FOREVER = 9007199254740991;

export interface FakeAccount {
  id: number;
  /** Null: a new account that has not chosen a name yet (gets `status: rename`). */
  name: string | null;
  level: number;
  /** Hex colour without `#` (default FFFFFF). */
  color?: string;
  /** Account creation, seconds since epoch (default 0 = old enough for follow mode). */
  createdAt?: number;
}

export interface UserRow {
  id: number;
  name: string | null;
  level: number;
  color: string;
  createdAt: number;
  nameChangedAt: number;
  bannedUntil: number;
  lastMessage: string;
  lastMessageTime: number;
}

export interface StoredMessage {
  id: number;
  userId: number;
  /** ms since epoch */
  time: number;
  /** Raw text (the server escapes HTML only when it sends). */
  message: string;
  dropped: boolean;
  donate: string;
  reply: number;
}

export interface SeedMessage {
  userId: number;
  message: string;
  time?: number;
  donate?: string;
  reply?: number;
  dropped?: boolean;
}

/** The capture's accounts (seed.sql): tokens `tok-admin`, `tok-user`, `tok-mod`, `tok-new`. */
export const CAPTURE_TOKENS: Record<string, FakeAccount> = {
  'tok-admin': { id: 1, name: 'AdminUser', level: 100, color: 'FF0000' },
  'tok-user': { id: 2, name: 'RegularUser', level: 0, color: '00FF00' },
  'tok-mod': { id: 3, name: 'ModUser', level: 50, color: '0000FF' },
  'tok-new': { id: 4, name: null, level: 0, color: 'FFFFFF' },
};

export class FakeDb {
  readonly users = new Map<number, UserRow>();
  readonly tokens = new Map<string, number>();
  readonly history: StoredMessage[] = [];
  readonly bannedHosts = new Map<string, number>();
  readonly bannedWords: string[];
  nextMessageId: number;

  constructor(options: {
    tokens: Record<string, FakeAccount>;
    bannedWords: string[];
    nextMessageId: number;
  }) {
    this.bannedWords = options.bannedWords;
    this.nextMessageId = options.nextMessageId;
    for (const [token, account] of Object.entries(options.tokens)) {
      this.tokens.set(token, account.id);
      if (!this.users.has(account.id)) this.users.set(account.id, newUserRow(account));
    }
  }

  userByName(name: string): UserRow | undefined {
    // MySQL's default collation compares names case-insensitively.
    const wanted = name.toLowerCase();
    for (const user of this.users.values()) if (user.name?.toLowerCase() === wanted) return user;
    return undefined;
  }

  /** Stores a message and returns its id (`0` when the 3-byte-utf8 database refuses it, as the real one does). */
  insert(entry: Omit<StoredMessage, 'id'>): number {
    if (hasAstralCharacter(entry.message)) return 0;
    const id = this.nextMessageId++;
    this.history.push({ ...entry, id });
    return id;
  }

  dropMessage(id: number): void {
    const row = this.history.find((m) => m.id === id);
    if (row) row.dropped = true;
  }

  /** Non-dropped messages with `id > lastMessage`, newest first (`ORDER BY time DESC LIMIT n`). */
  historyAfter(lastMessage: number, limit: number): StoredMessage[] {
    return this.history
      .filter((m) => !m.dropped && m.id > lastMessage)
      .sort((a, b) => b.time - a.time || b.id - a.id)
      .slice(0, limit);
  }

  isAcceptable(text: string): boolean {
    const lower = text.toLowerCase();
    return !this.bannedWords.some((word) => lower.includes(word.toLowerCase()));
  }
}

function newUserRow(account: FakeAccount): UserRow {
  return {
    id: account.id,
    name: account.name,
    level: account.level,
    color: account.color ?? 'FFFFFF',
    createdAt: account.createdAt ?? 0,
    nameChangedAt: 0,
    bannedUntil: 0,
    lastMessage: '',
    lastMessageTime: 0,
  };
}

/** MariaDB `utf8` (3-byte) columns reject characters outside the BMP, e.g. most emoji. */
export function hasAstralCharacter(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/** Qt's `QJsonValue::toInt()`: integral numbers in int range, else 0. */
export function qtToInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 0;
  return value >= -2147483648 && value <= 2147483647 ? value : 0;
}

export function qtToString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
