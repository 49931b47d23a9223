import type { RetentionPolicy } from './history-types';
import { isDamaged } from './open-database';
import { pruneStep } from './retention';
import { nextRow, type Cell } from './row-cells';
import type { SqliteHistory } from './sqlite-history';
import { emptyWorkerStats, type WorkerStats } from './worker-protocol';

/** A batch being written: its rows and how far the writes got. */
export interface WriteCursor {
  cells: readonly Cell[];
  offset: number;
  /** A row the database refused: skipped on the next try, so the rows before it are still written. */
  skip: number | null;
}

export interface EngineTiming {
  sliceMs: number;
  minSliceRows: number;
}

/**
 * The database work of the worker thread, synchronous: write slices, search-index slices, pruning steps. A
 * damaged file throws (the caller moves it aside); a row the database refuses on its own is skipped and counted.
 */
export class HistoryEngine {
  readonly stats: WorkerStats = emptyWorkerStats();

  constructor(
    readonly history: SqliteHistory,
    private readonly timing: EngineTiming,
    private readonly now: () => number = () => performance.now(),
    private readonly onError: (text: string, error: unknown) => void = () => {},
  ) {
    this.stats.searchBacklog = history.indexBacklog();
  }

  /**
   * One transaction of the cursor's next rows, at most `sliceMs` long (not before minSliceRows); advances the
   * cursor. False when it failed and should be retried later (a refused row is then skipped).
   */
  writeSlice(cursor: WriteCursor): boolean {
    const { db } = this.history;
    const { cells } = cursor;
    const started = this.now();
    const cpu = process.threadCpuUsage();
    const deadline = started + this.timing.sliceMs;
    let at = cursor.offset;
    let count = 0;
    try {
      db.exec('BEGIN IMMEDIATE');
      while (at < cells.length) {
        if (at === cursor.skip) at = nextRow(cells, at);
        else {
          at = this.history.writeRow(cells, at);
          count += 1;
        }
        if ((count & 63) === 0 && count >= this.timing.minSliceRows && this.now() > deadline) break;
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      this.stats.writeErrors += 1;
      if (isDamaged(error)) throw error;
      // That row would block the queue forever: the retry skips it (counted), the rows before it are kept.
      this.onError('could not write chat history; will retry without the refused row', error);
      this.stats.rejected += 1;
      cursor.skip = at;
      return false;
    }
    cursor.offset = at;
    this.stats.written += count;
    this.stats.batches += 1;
    this.account(started, cpu);
    return true;
  }

  /** One bounded slice of search indexing (`Infinity`: all of it). */
  indexSlice(sliceMs: number): void {
    const started = this.now();
    const cpu = process.threadCpuUsage();
    do this.history.indexSome(this.now() + sliceMs, this.now);
    while (sliceMs === Infinity && this.history.indexBacklog() > 0);
    this.account(started, cpu);
  }

  prune(policy: RetentionPolicy, now: number): number {
    const deleted = pruneStep(this.history.db, policy, now);
    this.stats.pruned += deleted;
    return deleted;
  }

  /** The counters, refreshed (backlog, thread CPU) for an answer. */
  snapshot(): WorkerStats {
    const cpu = process.threadCpuUsage();
    this.stats.threadCpuMs = (cpu.user + cpu.system) / 1000;
    this.stats.searchBacklog = this.history.indexBacklog();
    return { ...this.stats };
  }

  private account(startedMs: number, cpuBefore: NodeJS.CpuUsage): void {
    const cpu = process.threadCpuUsage(cpuBefore);
    this.stats.writeMs += this.now() - startedMs;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    this.stats.writeCpuMs += cpuMs;
    this.stats.longestWriteCpuMs = Math.max(this.stats.longestWriteCpuMs, cpuMs);
  }
}
