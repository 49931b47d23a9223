import { moveAside, openDatabase } from './open-database';
import type { Database, SqliteModule } from './sqlite-module';

export type OpenedFile = { ok: true; db: Database; notice: string | null } | { ok: false; problem: string };

/**
 * Opens the history file, runs in the worker thread. A damaged file is moved aside first — never deleted,
 * never emptied in place — and a new one started (`notice` says where the old one went); a locked one (another
 * OnAir uses this folder) or a newer schema is left untouched and `problem` says why.
 */
export function openHistoryFile(sqlite: SqliteModule, path: string, now: number): OpenedFile {
  let opened = openDatabase(sqlite, path);
  let notice: string | null = null;
  if (!opened.ok && opened.kind === 'damaged') {
    const keptAs = moveAside(path, now);
    if (keptAs) {
      notice = `The chat history database was damaged (${opened.message}); it was kept as ${keptAs} and a new one started.`;
      opened = openDatabase(sqlite, path);
    }
  }
  if (!opened.ok) return { ok: false, problem: problemText(opened.kind, opened.message, path) };
  return { ok: true, db: opened.db, notice };
}

function problemText(kind: 'damaged' | 'locked' | 'newer' | 'failed', message: string, path: string): string {
  const tail = 'Chat history is kept in memory until you quit.';
  switch (kind) {
    case 'locked':
      return `The chat history database ${path} is in use by another OnAir (${message}). ${tail}`;
    case 'newer':
      return `The chat history database ${path} was written by a newer OnAir (${message}); it was left untouched. ${tail}`;
    case 'damaged':
      return `The chat history database ${path} is damaged and could not be moved aside (${message}). ${tail}`;
    case 'failed':
      return `The chat history database ${path} could not be opened (${message}). ${tail}`;
  }
}

/** The notice for a file that broke while running (the worker moved it aside, or could not). */
export function damagedText(error: unknown, keptAs: string | null): string {
  const reason = error instanceof Error ? error.message : String(error);
  return keptAs
    ? `The chat history database is damaged (${reason}); it was kept as ${keptAs}. History is in memory until you quit.`
    : `The chat history database is damaged (${reason}) and could not be moved aside. History is in memory until you quit.`;
}
