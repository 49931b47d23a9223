import { join } from 'node:path';
import type { Clock } from '../../clock';
import type { Logger } from '../../log/logger';
import { BatchedHistoryStore, type StoreTiming } from './history-store';
import type { HistoryStore, RetentionPolicy } from './history-types';
import { moveAside, openDatabase } from './open-database';
import { loadSqlite } from './sqlite-module';

export const HISTORY_FILE = 'history.sqlite';

export interface OpenHistoryOptions {
  dataDir: string;
  enabled: boolean;
  /** Read at each pruning round, so a settings change applies without a restart. */
  policy: RetentionPolicy | (() => RetentionPolicy);
  clock: Clock;
  log: Logger;
  onProblem?: (text: string) => void;
  timing?: Partial<StoreTiming>;
  /** Monotonic milliseconds for the write slices (tests emulate a slow disk). */
  now?: () => number;
}

/**
 * The history store for the data folder: the SQLite file when it can be used, else in-memory history with the
 * reason reported once (never a crash). A damaged file is moved aside first — never deleted, never emptied in
 * place; a locked one (another OnAir uses this folder) or a newer schema is left untouched.
 */
export function openHistoryStore(options: OpenHistoryOptions): HistoryStore {
  const { clock, log } = options;
  const memory = (problem: string | null): HistoryStore => {
    if (problem) {
      log.error(problem);
      options.onProblem?.(problem);
    }
    return new BatchedHistoryStore({ problem }, options);
  };
  if (!options.enabled) return memory(null);
  const sqlite = loadSqlite((text) => log.debug(`node:sqlite: ${text}`));
  if (!sqlite)
    return memory('This runtime has no built-in SQLite (node:sqlite); chat history is kept in memory only.');

  const path = join(options.dataDir, HISTORY_FILE);
  let opened = openDatabase(sqlite, path);
  if (!opened.ok && opened.kind === 'damaged') {
    const keptAs = moveAside(path, clock.now());
    if (keptAs) {
      const retry = openDatabase(sqlite, path);
      const text = `The chat history database was damaged (${opened.message}); it was kept as ${keptAs} and a new one started.`;
      if (retry.ok) {
        log.error(text);
        options.onProblem?.(text);
      }
      opened = retry;
    }
  }
  if (!opened.ok) return memory(problemText(opened.kind, opened.message, path));
  log.info(`chat history in ${path}`);
  return new BatchedHistoryStore({ db: opened.db, path }, options);
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
