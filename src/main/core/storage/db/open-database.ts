import { promises as fs, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, MIGRATIONS, NewerSchemaError, peekSchemaVersion } from './schema';
import type { Database, SqliteModule } from './sqlite-module';

/** SQLite result codes that mean the file itself is damaged (SQLITE_CORRUPT, SQLITE_NOTADB). */
const DAMAGED_CODES = new Set([11, 26]);
/** SQLITE_BUSY, SQLITE_LOCKED: another process (a second OnAir) holds the database. */
const LOCKED_CODES = new Set([5, 6]);

const errcodeOf = (error: unknown): number | null =>
  typeof error === 'object' && error !== null && typeof (error as { errcode?: unknown }).errcode === 'number'
    ? (error as { errcode: number }).errcode
    : null;

export const isDamaged = (error: unknown): boolean => DAMAGED_CODES.has(errcodeOf(error) ?? -1);
export const isLocked = (error: unknown): boolean => LOCKED_CODES.has(errcodeOf(error) ?? -1);

export type OpenResult =
  | { ok: true; db: Database }
  | { ok: false; kind: 'damaged' | 'locked' | 'newer' | 'failed'; message: string };

/**
 * Opens the history database: WAL (readers never block the writer), exclusive locking (a second OnAir on the
 * same folder gets "locked" at once instead of interleaving writes), then the schema migrations.
 * `synchronous = NORMAL`: a committed transaction is in the WAL before COMMIT returns, so it survives the app
 * crashing or being killed (test/integration/history-kill.test.ts); only an OS crash or power cut can lose the
 * last transactions, never corrupt the file. FULL would fsync every commit — measured 4–10 ms here, on the
 * main thread, every 250 ms (docs/storage.md).
 */
export function openDatabase(sqlite: SqliteModule, path: string): OpenResult {
  let db: Database | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new sqlite.DatabaseSync(path, { timeout: 0 });
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    const found = peekSchemaVersion(db);
    if (found > MIGRATIONS.length) throw new NewerSchemaError(found);
    const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
    if (mode?.journal_mode !== 'wal')
      throw new Error(`journal mode is ${mode?.journal_mode ?? '?'}, not WAL`);
    db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY');
    migrate(db);
    return { ok: true, db };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable; the error below is what matters
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof NewerSchemaError) return { ok: false, kind: 'newer', message };
    if (isDamaged(error)) return { ok: false, kind: 'damaged', message };
    if (isLocked(error)) return { ok: false, kind: 'locked', message };
    return { ok: false, kind: 'failed', message };
  }
}

/**
 * Moves a damaged database (and its WAL and shared-memory files) aside, never deleting it: the user or a
 * recovery tool may still read rows from it. Returns the new name, or null when even the rename failed.
 */
export function moveAside(path: string, now: number): string | null {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = `${path}.broken-${stamp}`;
  try {
    renameSync(path, target);
  } catch {
    return null;
  }
  for (const suffix of ['-wal', '-shm']) {
    try {
      renameSync(path + suffix, target + suffix);
    } catch {
      // absent: nothing to keep
    }
  }
  return target;
}

/** Size of the database file plus its WAL, for the benchmark and the status line. */
export async function fileBytes(path: string): Promise<number> {
  let total = 0;
  for (const file of [path, `${path}-wal`])
    total += await fs.stat(file).then(
      (s) => s.size,
      () => 0,
    );
  return total;
}
