import type * as Sqlite from 'node:sqlite';

export type SqliteModule = typeof Sqlite;
export type Database = Sqlite.DatabaseSync;

/**
 * Loads Node's built-in SQLite (no native module to rebuild for Electron). `process.getBuiltinModule` keeps the
 * bundler from resolving `node:sqlite` (electron-vite's list of built-ins may lack it) and lets a runtime
 * without it fall back to in-memory history instead of failing at import. Some Node 24 releases print an
 * ExperimentalWarning for SQLite once; it is passed to `onWarning` (the log) instead of stderr.
 */
export function loadSqlite(onWarning: (text: string) => void): SqliteModule | null {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/sqlite/i.test(text)) onWarning(text);
    else (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return (process.getBuiltinModule('node:sqlite') as SqliteModule | undefined) ?? null;
  } catch {
    return null;
  } finally {
    process.emitWarning = original;
  }
}
