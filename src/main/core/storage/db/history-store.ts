import type { Alert, ChatMessage, ModLogEntry, Removal } from '../../../../shared/events';
import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../log/logger';
import type { HistoryStore, RetentionPolicy, StorageStatus } from './history-types';
import { MemoryHistory } from './memory-history';
import { isDamaged, moveAside } from './open-database';
import { pruneStep } from './retention';
import type { PendingRow } from './rows';
import { SqliteHistory } from './sqlite-history';
import type { Database } from './sqlite-module';

export interface StoreTiming {
  /** Queued rows are written this often, in one short transaction. */
  flushEveryMs: number;
  /** A transaction stops taking rows after this long and lets the event loop run (the rest follows at once) … */
  sliceMs: number;
  /**
   * … but not before this many rows (~3 ms of CPU): on a busy machine the OS may pause the process inside a
   * slice, and a pure wall-clock budget would then end slices after a handful of rows and fall behind.
   */
  minSliceRows: number;
  /** Past this many queued rows (the disk cannot keep up) the oldest are dropped and counted. */
  maxQueued: number;
  pruneEveryMs: number;
  /** The search index catches up in slices this long (see schema.ts, migration 2) … */
  indexSliceMs: number;
  /** … every this often while chat is being written, … */
  indexEveryMs: number;
  /** … and this often when the write queue is empty (catching up after a burst). */
  indexIdleEveryMs: number;
}

export const DEFAULT_TIMING: StoreTiming = {
  flushEveryMs: 250,
  sliceMs: 4,
  minSliceRows: 384,
  maxQueued: 200_000,
  pruneEveryMs: 3_600_000,
  indexSliceMs: 4,
  indexEveryMs: 250,
  indexIdleEveryMs: 50,
};

export interface HistoryStoreOptions {
  clock: Clock;
  log: Logger;
  policy: RetentionPolicy | (() => RetentionPolicy);
  timing?: Partial<StoreTiming>;
  /** Called when the store changes backend (the file broke): the core shows it as a notice. */
  onProblem?: (text: string) => void;
  /** Monotonic milliseconds for the time slices (tests inject a clock that ends them). */
  now?: () => number;
}

type Backend =
  { kind: 'sqlite'; path: string; history: SqliteHistory } | { kind: 'memory'; history: MemoryHistory };

/**
 * The store the core records into. `record*` push onto a queue (no I/O, no serialization); a timer writes the
 * queue in short transactions; queries read the committed rows. A damaged file moves aside and the store
 * continues in memory, so recording never throws and never stops the app.
 */
export class BatchedHistoryStore implements HistoryStore {
  private backend: Backend;
  private queue: PendingRow[] = [];
  private timer: TimerHandle | null = null;
  private pruneTimer: TimerHandle | null = null;
  private indexTimer: TimerHandle | null = null;
  private recordedSinceIndex = 0;
  private problem: string | null;
  private readonly timing: StoreTiming;
  private readonly counters = {
    written: 0,
    batches: 0,
    writeMs: 0,
    writeCpuMs: 0,
    longestWriteCpuMs: 0,
    dropped: 0,
    writeErrors: 0,
    pruned: 0,
  };
  private readonly monotonic: () => number;
  private closed = false;

  constructor(
    opened: { db: Database; path: string } | { problem: string | null },
    private readonly options: HistoryStoreOptions,
  ) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.monotonic = options.now ?? (() => performance.now());
    if ('db' in opened) {
      this.backend = { kind: 'sqlite', path: opened.path, history: new SqliteHistory(opened.db) };
      this.problem = null;
      this.schedulePrune(Math.min(5_000, this.timing.pruneEveryMs));
    } else {
      this.backend = { kind: 'memory', history: new MemoryHistory() };
      this.problem = opened.problem;
    }
  }

  recordMessage(message: ChatMessage): void {
    this.enqueue({ table: 'message', event: message });
  }

  recordModAction(action: ModLogEntry | Removal): void {
    this.enqueue({ table: 'mod', event: action });
  }

  recordAlert(alert: Alert): void {
    this.enqueue({ table: 'alert', event: alert });
  }

  userHistory: HistoryStore['userHistory'] = async (query) =>
    this.read(() => this.backend.history.userHistory(query), []);
  searchLog: HistoryStore['searchLog'] = async (query) =>
    this.read(() => this.backend.history.searchLog(query), []);

  async setNote(sourceId: string, userId: string, note: string): Promise<void> {
    const b = this.backend;
    if (b.kind === 'memory') b.history.setNote(`${sourceId}\u0000${userId}`, note);
    else this.read(() => b.history.setNote(sourceId, userId, note, this.options.clock.now()), undefined);
  }

  async note(sourceId: string, userId: string): Promise<string | null> {
    const b = this.backend;
    if (b.kind === 'memory') return b.history.note(`${sourceId}\u0000${userId}`);
    return this.read(() => b.history.note(sourceId, userId), null);
  }

  async flush(): Promise<void> {
    this.flushNow();
  }

  private flushNow(): void {
    while (this.queue.length > 0 && !this.closed) if (!this.writeSlice(Infinity)) break;
  }

  status(): StorageStatus {
    const b = this.backend;
    const searchBacklog =
      b.kind === 'sqlite' && !this.closed ? this.read(() => b.history.indexBacklog(), 0) : 0;
    return {
      backend: b.kind,
      problem: this.problem,
      queued: this.queue.length,
      searchBacklog,
      ...this.counters,
    };
  }

  /** Writes what is queued, stops the timers and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flushNow();
    this.closed = true;
    this.options.clock.clearTimeout(this.timer);
    this.options.clock.clearTimeout(this.pruneTimer);
    this.options.clock.clearTimeout(this.indexTimer);
    if (this.backend.kind === 'sqlite') this.backend.history.db.close();
  }

  private enqueue(row: PendingRow): void {
    if (this.closed) return;
    this.queue.push(row);
    this.recordedSinceIndex += 1;
    if (this.queue.length > this.timing.maxQueued) {
      const excess = this.queue.length - this.timing.maxQueued;
      this.queue.splice(0, excess);
      this.counters.dropped += excess;
    }
    this.timer ??= this.options.clock.setTimeout(() => this.onTimer(), this.timing.flushEveryMs);
  }

  private onTimer(): void {
    this.timer = null;
    if (this.closed || this.queue.length === 0) return;
    const ok = this.writeSlice(this.timing.sliceMs);
    // More than one slice's worth: continue at once (after other callbacks), else at the next interval.
    if (this.queue.length > 0)
      this.timer = this.options.clock.setTimeout(() => this.onTimer(), ok ? 0 : this.timing.flushEveryMs);
  }

  /** One transaction of queued rows, at most `budgetMs` long. False when the write failed. */
  private writeSlice(budgetMs: number): boolean {
    const backend = this.backend;
    if (backend.kind === 'memory') {
      for (const row of this.queue) backend.history.write(row);
      this.counters.written += this.queue.length;
      this.queue = [];
      return true;
    }
    const db = backend.history.db;
    const started = this.monotonic();
    const cpu = process.threadCpuUsage();
    const deadline = started + budgetMs;
    let count = 0;
    try {
      db.exec('BEGIN IMMEDIATE');
      while (count < this.queue.length) {
        backend.history.write(this.queue[count]!);
        count += 1;
        if ((count & 63) === 0 && count >= this.timing.minSliceRows && this.monotonic() > deadline) break;
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      return this.onWriteError(error, count);
    }
    this.queue.splice(0, count);
    this.counters.written += count;
    this.counters.batches += 1;
    this.account(started, cpu);
    this.indexTimer ??= this.options.clock.setTimeout(() => this.indexSome(), this.timing.indexEveryMs);
    return true;
  }

  private account(startedMs: number, cpuBefore: NodeJS.CpuUsage): void {
    const cpu = process.threadCpuUsage(cpuBefore);
    this.counters.writeMs += this.monotonic() - startedMs;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    this.counters.writeCpuMs += cpuMs;
    this.counters.longestWriteCpuMs = Math.max(this.counters.longestWriteCpuMs, cpuMs);
  }

  /** Fills the search index completely now (benchmarks, tests); the app lets the timer do it. */
  indexAll(): void {
    if (this.backend.kind !== 'sqlite') return;
    const { history } = this.backend;
    while (history.indexBacklog() > 0) history.indexSome(Infinity, this.monotonic);
  }

  /** One bounded slice of search indexing; again soon while behind (sooner when no chat is being written). */
  private indexSome(): void {
    this.indexTimer = null;
    if (this.closed || this.backend.kind !== 'sqlite') return;
    const { history } = this.backend;
    const started = this.monotonic();
    const cpu = process.threadCpuUsage();
    try {
      history.indexSome(started + this.timing.indexSliceMs, this.monotonic);
    } catch (error) {
      if (isDamaged(error)) return this.degrade(error);
      this.options.log.error('search indexing failed; will retry', error);
    }
    this.account(started, cpu);
    if (history.indexBacklog() === 0) return;
    // Idle = nothing recorded since the last slice: while chat flows the index takes ~4 ms of every 250 ms
    // (about 2,000 messages a second), and catches up afterwards.
    const idle = this.recordedSinceIndex === 0;
    this.recordedSinceIndex = 0;
    const delay = idle ? this.timing.indexIdleEveryMs : this.timing.indexEveryMs;
    this.indexTimer = this.options.clock.setTimeout(() => this.indexSome(), delay);
  }

  /** A damaged file: switch to memory, rows included. Else: keep the rows, skip the one that failed. */
  private onWriteError(error: unknown, failedAt: number): boolean {
    this.counters.writeErrors += 1;
    if (isDamaged(error)) {
      this.degrade(error);
      return this.writeSlice(Infinity);
    }
    this.options.log.error('could not write chat history; will retry', error);
    // A row the database rejects on its own would block the queue forever: drop it, keep the others.
    if (failedAt < this.queue.length) {
      this.queue.splice(failedAt, 1);
      this.counters.dropped += 1;
    }
    return false;
  }

  private read<T>(query: () => T, fallback: T): T {
    try {
      return query();
    } catch (error) {
      // A damaged file: later calls answer from memory; this one answers empty.
      if (isDamaged(error)) this.degrade(error);
      else this.options.log.error('history query failed', error);
      return fallback;
    }
  }

  private degrade(error: unknown): void {
    if (this.backend.kind !== 'sqlite') return;
    const { path, history } = this.backend;
    try {
      history.db.close();
    } catch {
      // closing a damaged file may fail too; moving it aside below is what matters
    }
    const keptAs = moveAside(path, this.options.clock.now());
    const reason = error instanceof Error ? error.message : String(error);
    this.problem = keptAs
      ? `The chat history database is damaged (${reason}); it was kept as ${keptAs}. History is in memory until you quit.`
      : `The chat history database is damaged (${reason}) and could not be moved aside. History is in memory until you quit.`;
    this.backend = { kind: 'memory', history: new MemoryHistory() };
    this.options.clock.clearTimeout(this.pruneTimer);
    this.options.clock.clearTimeout(this.indexTimer);
    this.options.log.error(this.problem);
    this.options.onProblem?.(this.problem);
  }

  private schedulePrune(delayMs: number): void {
    this.pruneTimer = this.options.clock.setTimeout(() => this.pruneSome(), delayMs);
  }

  /** One bounded step, then yield; continue until nothing is left to prune, then wait for the next round. */
  private pruneSome(): void {
    if (this.closed || this.backend.kind !== 'sqlite') return;
    let deleted = 0;
    try {
      const { policy } = this.options;
      const current = typeof policy === 'function' ? policy() : policy;
      deleted = pruneStep(this.backend.history.db, current, this.options.clock.now());
    } catch (error) {
      if (isDamaged(error)) return this.degrade(error);
      this.options.log.error('pruning chat history failed', error);
    }
    this.counters.pruned += deleted;
    this.schedulePrune(deleted > 0 ? 0 : this.timing.pruneEveryMs);
  }
}
