import type { Database } from './sqlite-module';

/**
 * Schema migrations, in order; `schema_version` holds how many have run. Each runs in its own transaction,
 * so a crash mid-migration leaves the previous version intact. Never edit a shipped step: add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: messages, moderation actions, alerts. Messages have no time index (one B-tree less per insert at
  // 10,000 msg/s): they arrive in time order, so retention walks them oldest id first (retention.ts).
  `CREATE TABLE messages (
     id INTEGER PRIMARY KEY,
     source_id TEXT NOT NULL,
     message_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     login TEXT NOT NULL,
     display_name TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX messages_by_user ON messages (user_id, id);
   CREATE TABLE mod_actions (
     id INTEGER PRIMARY KEY,
     source_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     detail TEXT,
     result TEXT NOT NULL,
     origin TEXT NOT NULL
   );
   CREATE INDEX mod_actions_by_target ON mod_actions (target, id);
   CREATE INDEX mod_actions_by_time ON mod_actions (at);
   CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     source_id TEXT NOT NULL,
     alert_id TEXT NOT NULL,
     alert_type TEXT NOT NULL,
     user_id TEXT,
     login TEXT,
     at INTEGER NOT NULL,
     json TEXT NOT NULL
   );
   CREATE INDEX alerts_by_time ON alerts (at);`,
  // 2: user notes; full-text search over messages (FTS5, external content: the text is stored once). The
  // index is filled in the background (`fts_progress.upto` = last message id indexed), not by an insert
  // trigger: indexing costs ~20 µs a message, too much for the chat hot path at 10,000 msg/s.
  `CREATE TABLE user_notes (
     source_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     note TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (source_id, user_id)
   );
   CREATE VIRTUAL TABLE messages_fts USING fts5 (
     text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
   );
   CREATE TABLE fts_progress (upto INTEGER NOT NULL);
   INSERT INTO fts_progress (upto) VALUES (0);
   CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
   WHEN old.id <= (SELECT upto FROM fts_progress) BEGIN
     INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
   END;`,
];

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `the history database has schema version ${found}, newer than this OnAir knows (${MIGRATIONS.length})`,
    );
  }
}

/** The version without writing anything (a newer OnAir's file must stay byte for byte as it was). */
export function peekSchemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

export function schemaVersion(db: Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  if (!row) db.exec('INSERT INTO schema_version (version) VALUES (0)');
  return row?.version ?? 0;
}

/** Runs the missing steps up to `target` (all by default; tests stop early to build an older database). */
export function migrate(db: Database, target = MIGRATIONS.length): number {
  const from = schemaVersion(db);
  if (from > MIGRATIONS.length) throw new NewerSchemaError(from);
  for (let version = from; version < target; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[version]!);
      db.prepare('UPDATE schema_version SET version = ?').run(version + 1);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return Math.max(from, target);
}
