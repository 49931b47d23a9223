import type { LogSearchQuery, StoredMessage, UserHistoryQuery } from './history-types';
import { nextRow, TAG_ALERT, TAG_MESSAGE, TAG_MOD, type Cell } from './row-cells';
import type { Database } from './sqlite-module';
import type { StatementSync } from 'node:sqlite';

const MAX_LIMIT = 500;
/** Messages not yet in the search index are searched by a scan of at most this many of the newest. */
export const TAIL_SCAN_ROWS = 100_000;
/** Rows indexed per statement; the time budget is checked between chunks. */
const INDEX_CHUNK = 128;
const limitOf = (limit: number | undefined): number => Math.min(Math.max(1, limit ?? 100), MAX_LIMIT);

const MESSAGE_COLUMNS =
  'm.source_id AS sourceId, m.message_id AS messageId, m.user_id AS userId, m.login, m.display_name AS displayName, m.text, m.at';

/**
 * Service text as an FTS5 query: every word becomes a quoted string (quotes doubled), so `"`, `*`, `NEAR`,
 * `OR` or `-` typed by a moderator are searched for, never parsed as query syntax. Words must all match.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}

/** The prepared statements over one open database; synchronous, called by the write queue and queries. */
export class SqliteHistory {
  private readonly insertMessage: StatementSync;
  private readonly insertMod: StatementSync;
  private readonly insertAlert: StatementSync;
  private readonly byUser: StatementSync;
  private readonly byUserInSource: StatementSync;
  private readonly search: StatementSync;
  private readonly searchInSource: StatementSync;
  private readonly tailSearches = new Map<string, StatementSync>();
  private readonly lastOfChunk: StatementSync;
  private readonly indexRange: StatementSync;
  private readonly maxId: StatementSync;
  /** Last message id in the search index (mirrors `fts_progress.upto`). */
  private indexedUpto: number;

  constructor(readonly db: Database) {
    this.insertMessage = db.prepare(
      'INSERT INTO messages (source_id, message_id, user_id, login, display_name, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMod = db.prepare(
      'INSERT INTO mod_actions (source_id, at, actor, action, target, detail, result, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAlert = db.prepare(
      'INSERT INTO alerts (source_id, alert_id, alert_type, user_id, login, at, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byUser = db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE user_id = ? ORDER BY id DESC LIMIT ?`,
    );
    this.byUserInSource = db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE user_id = ? AND source_id = ? ORDER BY id DESC LIMIT ?`,
    );
    const found = 'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC';
    this.search = db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE id IN (${found} LIMIT ?) ORDER BY id DESC`,
    );
    // Within one source: walk matches newest first and stop at the limit (the planner keeps the FTS order).
    this.searchInSource = db.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages_fts f JOIN messages m ON m.id = f.rowid
       WHERE messages_fts MATCH ? AND m.source_id = ? ORDER BY f.rowid DESC LIMIT ?`,
    );
    this.lastOfChunk = db.prepare(
      'SELECT max(id) AS last FROM (SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT ?)',
    );
    this.indexRange = db.prepare(
      'INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ? AND id <= ?',
    );
    this.maxId = db.prepare('SELECT max(id) AS last FROM messages');
    this.indexedUpto = (db.prepare('SELECT upto FROM fts_progress').get() as { upto: number }).upto;
  }

  /** Messages written but not yet in the search index. */
  indexBacklog(): number {
    return Math.max(0, this.lastId() - this.indexedUpto);
  }

  /**
   * Adds the next messages to the search index in one transaction, until `deadline` (monotonic ms, checked
   * between chunks of INDEX_CHUNK rows). Returns how many were indexed.
   */
  indexSome(deadline: number, now: () => number): number {
    const from = this.indexedUpto;
    let upto = from;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (;;) {
        const { last } = this.lastOfChunk.get(upto, INDEX_CHUNK) as { last: number | null };
        if (last === null) break;
        this.indexRange.run(upto, last);
        upto = last;
        if (now() > deadline) break;
      }
      this.db.prepare('UPDATE fts_progress SET upto = ?').run(upto);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    this.indexedUpto = upto;
    return upto - from;
  }

  private lastId(): number {
    return (this.maxId.get() as { last: number | null }).last ?? 0;
  }

  /**
   * Inserts the row at `offset` of `cells` (row-cells.ts) and returns the next row's offset; the caller wraps
   * a batch in a transaction.
   */
  writeRow(cells: readonly Cell[], offset: number): number {
    const next = nextRow(cells, offset);
    const tag = cells[offset];
    const statement =
      tag === TAG_MESSAGE ? this.insertMessage : tag === TAG_MOD ? this.insertMod : this.insertAlert;
    if (tag !== TAG_MESSAGE && tag !== TAG_MOD && tag !== TAG_ALERT) throw new Error('bad row tag');
    statement.run(...cells.slice(offset + 1, next));
    return next;
  }

  userHistory(query: UserHistoryQuery): StoredMessage[] {
    const limit = limitOf(query.limit);
    const rows =
      query.sourceId === undefined
        ? this.byUser.all(query.userId, limit)
        : this.byUserInSource.all(query.userId, query.sourceId, limit);
    return rows as unknown as StoredMessage[];
  }

  /** Newest first: the not-yet-indexed tail (a bounded scan), then the search index. */
  searchLog(query: LogSearchQuery): StoredMessage[] {
    const match = ftsQuery(query.text);
    if (match === null) return [];
    const limit = limitOf(query.limit);
    const found = this.searchTail(query, limit);
    if (found.length >= limit) return found;
    const rest = limit - found.length;
    const indexed =
      query.sourceId === undefined
        ? this.search.all(match, rest)
        : this.searchInSource.all(match, query.sourceId, rest);
    return found.concat(indexed as unknown as StoredMessage[]);
  }

  /** LIKE over the newest unindexed messages (ASCII case-insensitive substrings: close to the index's words). */
  private searchTail(query: LogSearchQuery, limit: number): StoredMessage[] {
    const last = this.lastId();
    if (last <= this.indexedUpto) return [];
    const words = query.text
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .slice(0, 16);
    const key = `${words.length}:${query.sourceId === undefined ? '' : 's'}`;
    let statement = this.tailSearches.get(key);
    if (!statement) {
      const likes = words.map(() => "m.text LIKE ? ESCAPE '\\'").join(' AND ');
      const inSource = query.sourceId === undefined ? '' : 'AND m.source_id = ?';
      statement = this.db.prepare(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id > ? AND ${likes} ${inSource} ORDER BY m.id DESC LIMIT ?`,
      );
      this.tailSearches.set(key, statement);
    }
    const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const from = Math.max(this.indexedUpto, last - TAIL_SCAN_ROWS);
    const params = query.sourceId === undefined ? patterns : [...patterns, query.sourceId];
    return statement.all(from, ...params, limit) as unknown as StoredMessage[];
  }

  setNote(sourceId: string, userId: string, note: string, now: number): void {
    if (note === '')
      this.db.prepare('DELETE FROM user_notes WHERE source_id = ? AND user_id = ?').run(sourceId, userId);
    else
      this.db
        .prepare(
          `INSERT INTO user_notes (source_id, user_id, note, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (source_id, user_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
        )
        .run(sourceId, userId, note, now);
  }

  note(sourceId: string, userId: string): string | null {
    const row = this.db
      .prepare('SELECT note FROM user_notes WHERE source_id = ? AND user_id = ?')
      .get(sourceId, userId) as { note: string } | undefined;
    return row?.note ?? null;
  }
}
