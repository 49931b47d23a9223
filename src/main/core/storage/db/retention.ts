import type { RetentionPolicy } from './history-types';
import type { Database } from './sqlite-module';

/** Rows deleted per step: a step stays a few milliseconds, then the event loop gets a turn. */
export const PRUNE_STEP_ROWS = 1000;
const DAY_MS = 86_400_000;
const TABLES = ['messages', 'mod_actions', 'alerts'] as const;

/** Bytes the data occupies (pages in use; free pages are reused before the file grows). */
export function usedBytes(db: Database): number {
  const pragma = (name: string): number =>
    Number(Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0] ?? 0);
  return (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
}

/** Deletes about the share of the oldest messages by which the data exceeds `maxBytes` (bounded per step). */
function pruneOverSize(db: Database, maxBytes: number): number {
  const used = usedBytes(db);
  if (used <= maxBytes) return 0;
  // Ids are dense (rows are only deleted oldest first), so their span estimates the row count without a scan.
  const span = db.prepare('SELECT min(id) AS low, max(id) AS high FROM messages').get() as {
    low: number | null;
    high: number | null;
  };
  if (span.low === null || span.high === null) return 0;
  const rows = Math.ceil(((span.high - span.low + 1) * (used - maxBytes)) / used);
  const result = db
    .prepare('DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT ?)')
    .run(Math.min(PRUNE_STEP_ROWS, Math.max(1, rows)));
  return Number(result.changes);
}

/**
 * One bounded pruning step: deletes up to PRUNE_STEP_ROWS of the oldest rows that are past the age limit, or —
 * when the data is over the size limit — the oldest messages regardless of age. Returns rows deleted (0: done).
 */
export function pruneStep(db: Database, policy: RetentionPolicy, now: number): number {
  const cutoff = now - policy.retentionDays * DAY_MS;
  let deleted = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const table of TABLES) {
      // Messages: the oldest ids (arrival order) past the limit; the other tables by their time index.
      const oldest =
        table === 'messages'
          ? 'SELECT id FROM (SELECT id, at FROM messages ORDER BY id LIMIT ?2) WHERE at < ?1'
          : `SELECT id FROM ${table} WHERE at < ?1 ORDER BY at LIMIT ?2`;
      const result = db.prepare(`DELETE FROM ${table} WHERE id IN (${oldest})`).run(cutoff, PRUNE_STEP_ROWS);
      deleted += Number(result.changes);
    }
    if (deleted === 0) deleted = pruneOverSize(db, policy.maxBytes);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return deleted;
}
