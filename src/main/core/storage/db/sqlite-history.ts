import type { Alert, ChatMessage } from '../../../../shared/events';
import type { LogSearchQuery, StoredMessage, UserHistoryQuery } from './history-types';
import { messageRow, modActionRow, type ModActionRow, type PendingRow } from './rows';
import type { Database } from './sqlite-module';
import type { StatementSync } from 'node:sqlite';

const MAX_LIMIT = 500;
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
  }

  /** One row; the caller wraps a batch in a transaction. */
  write(row: PendingRow): void {
    if (row.table === 'message') this.writeMessage(row.event);
    else if (row.table === 'mod') this.writeMod(modActionRow(row.event));
    else this.writeAlert(row.event);
  }

  userHistory(query: UserHistoryQuery): StoredMessage[] {
    const limit = limitOf(query.limit);
    const rows =
      query.sourceId === undefined
        ? this.byUser.all(query.userId, limit)
        : this.byUserInSource.all(query.userId, query.sourceId, limit);
    return rows as unknown as StoredMessage[];
  }

  searchLog(query: LogSearchQuery): StoredMessage[] {
    const match = ftsQuery(query.text);
    if (match === null) return [];
    const limit = limitOf(query.limit);
    const rows =
      query.sourceId === undefined
        ? this.search.all(match, limit)
        : this.searchInSource.all(match, query.sourceId, limit);
    return rows as unknown as StoredMessage[];
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

  private writeMessage(message: ChatMessage): void {
    const m = messageRow(message);
    this.insertMessage.run(m.sourceId, m.messageId, m.userId, m.login, m.displayName, m.text, m.at);
  }

  private writeMod(r: ModActionRow): void {
    this.insertMod.run(r.sourceId, r.at, r.actor, r.action, r.target, r.detail, r.result, r.origin);
  }

  private writeAlert(alert: Alert): void {
    const { source, id, alertType, user, receivedAt } = alert;
    const json = JSON.stringify(alert);
    this.insertAlert.run(source.sourceId, id, alertType, user.id, user.login, receivedAt, json);
  }
}
