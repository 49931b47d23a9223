import type { Alert, ChatMessage, ModLogEntry, Removal } from '../../../../shared/events';
import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../log/logger';
import type { HistoryStore, RetentionPolicy, StorageStatus } from './history-types';
import { MemoryHistory } from './memory-history';
import { encodeRows, type Cell } from './row-cells';
import type { PendingRow } from './rows';
import { WorkerGoneError, type HistoryWorkerClient, type WorkerCall } from './worker-client';

export interface StoreTiming {
  /** Queued rows go to the worker this often, as one batch. */
  flushEveryMs: number;
  /** A worker transaction stops taking rows after this long (queries are answered in between) … */
  sliceMs: number;
  /** … but not before this many rows (a loaded machine may pause the thread inside a slice). */
  minSliceRows: number;
  /** Past this many queued rows (the disk cannot keep up) the oldest are dropped and counted. */
  maxQueued: number;
  /** At most this many rows per batch posted (its structured clone is main-thread time) … */
  maxBatchRows: number;
  /** … and at most this many batches unanswered: rows wait (bounded by maxQueued) while the worker is behind. */
  maxInFlight: number;
  pruneEveryMs: number;
  /** The search index catches up in slices this long (see schema.ts, migration 2) … */
  indexSliceMs: number;
  /** … every this often while chat is being written, … */
  indexEveryMs: number;
  /** … and this often when nothing is being written (catching up after a burst). */
  indexIdleEveryMs: number;
  /** A query not answered by then rejects (the worker is alive but stuck). */
  queryTimeoutMs: number;
}

export const DEFAULT_TIMING: StoreTiming = {
  flushEveryMs: 250,
  sliceMs: 4,
  minSliceRows: 384,
  maxQueued: 200_000,
  maxBatchRows: 8_192,
  maxInFlight: 4,
  pruneEveryMs: 3_600_000,
  indexSliceMs: 4,
  indexEveryMs: 250,
  indexIdleEveryMs: 50,
  queryTimeoutMs: 5_000,
};

export interface HistoryStoreOptions {
  clock: Clock;
  log: Logger;
  policy: RetentionPolicy | (() => RetentionPolicy);
  timing?: Partial<StoreTiming>;
  /** Called when the store changes backend (the file broke, the worker died): the core shows it as a notice. */
  onProblem?: (text: string) => void;
}

type Backend = { kind: 'sqlite'; worker: HistoryWorkerClient } | { kind: 'memory'; history: MemoryHistory };

/**
 * The store the core records into. `record*` push onto a queue (no I/O, no serialization); a timer encodes the
 * queue into flat batches and posts them to the history worker, which owns the database (writes, search
 * index, pruning, queries). Rows stay here until the worker says they are committed, so when the worker dies or
 * the file breaks, the store continues in memory with them — recording never throws and never stops the app.
 */
export class BatchedHistoryStore implements HistoryStore {
  private backend: Backend;
  private queue: PendingRow[] = [];
  /** Batches posted and not yet committed, by request. */
  private readonly inFlight = new Map<Promise<unknown>, Cell[]>();
  private inFlightRows = 0;
  private timer: TimerHandle | null = null;
  private pruneTimer: TimerHandle | null = null;
  private indexTimer: TimerHandle | null = null;
  private indexing = false;
  private recordedSinceIndex = 0;
  private problem: string | null;
  private readonly timing: StoreTiming;
  private readonly local = { dropped: 0, postCpuMs: 0, longestPostMs: 0, memoryWritten: 0, rescued: 0 };
  private closed = false;

  constructor(
    opened: { worker: HistoryWorkerClient } | { problem: string | null },
    private readonly options: HistoryStoreOptions,
  ) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    if ('worker' in opened) {
      this.backend = { kind: 'sqlite', worker: opened.worker };
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

  userHistory: HistoryStore['userHistory'] = (query) =>
    this.ask({ op: 'userHistory', query }, (memory) => memory.userHistory(query));

  searchLog: HistoryStore['searchLog'] = (query) =>
    this.ask({ op: 'searchLog', query }, (memory) => memory.searchLog(query));

  async setNote(sourceId: string, userId: string, note: string): Promise<void> {
    const now = this.options.clock.now();
    await this.ask({ op: 'setNote', sourceId, userId, note, now }, (memory) =>
      memory.setNote(`${sourceId}\u0000${userId}`, note),
    );
  }

  note(sourceId: string, userId: string): Promise<string | null> {
    return this.ask({ op: 'note', sourceId, userId }, (memory) => memory.note(`${sourceId}\u0000${userId}`));
  }

  /** Posts everything queued and resolves when the worker committed it (or the store fell back to memory). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) this.post();
    await Promise.allSettled([...this.inFlight.keys()]);
  }

  status(): StorageStatus {
    const b = this.backend;
    const worker = b.kind === 'sqlite' ? b.worker.stats : null;
    return {
      backend: b.kind,
      problem: this.problem,
      queued: this.queue.length + this.inFlightRows,
      searchBacklog: worker?.searchBacklog ?? 0,
      written: (worker?.written ?? 0) + this.local.memoryWritten,
      batches: worker?.batches ?? 0,
      writeMs: worker?.writeMs ?? 0,
      writeCpuMs: worker?.writeCpuMs ?? 0,
      longestWriteCpuMs: worker?.longestWriteCpuMs ?? 0,
      workerCpuMs: worker?.threadCpuMs ?? 0,
      postCpuMs: this.local.postCpuMs,
      longestPostMs: this.local.longestPostMs,
      dropped: this.local.dropped + (worker?.rejected ?? 0),
      writeErrors: worker?.writeErrors ?? 0,
      pruned: worker?.pruned ?? 0,
      rescued: this.local.rescued,
    };
  }

  /** Fills the search index completely now (benchmarks, tests); the app lets the timer do it. */
  async indexAll(): Promise<void> {
    if (this.backend.kind === 'sqlite')
      await this.backend.worker.request({ op: 'index', sliceMs: Infinity }, null);
  }

  /** Writes what is queued, stops the timers and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    for (const timer of [this.timer, this.pruneTimer, this.indexTimer])
      this.options.clock.clearTimeout(timer);
    if (this.backend.kind === 'sqlite') await this.backend.worker.close();
  }

  /** Called by the worker client when the worker stopped answering: memory from now on, unwritten rows kept. */
  onWorkerGone(problem: string): void {
    if (this.backend.kind !== 'sqlite') return;
    const memory = new MemoryHistory();
    for (const cells of this.inFlight.values()) memory.writeCells(cells);
    this.local.rescued += this.inFlightRows;
    this.local.memoryWritten += this.inFlightRows;
    this.inFlight.clear();
    this.inFlightRows = 0;
    this.backend = { kind: 'memory', history: memory };
    for (const timer of [this.pruneTimer, this.indexTimer]) this.options.clock.clearTimeout(timer);
    this.problem = problem;
    this.options.log.error(problem);
    this.options.onProblem?.(problem);
    if (this.queue.length > 0) this.post();
  }

  private enqueue(row: PendingRow): void {
    if (this.closed) return;
    this.queue.push(row);
    this.recordedSinceIndex += 1;
    if (this.queue.length > this.timing.maxQueued) {
      const excess = this.queue.length - this.timing.maxQueued;
      this.queue.splice(0, excess);
      this.local.dropped += excess;
    }
    this.timer ??= this.options.clock.setTimeout(() => this.onTimer(), this.timing.flushEveryMs);
  }

  private onTimer(): void {
    this.timer = null;
    if (this.closed || this.queue.length === 0) return;
    if (this.inFlight.size < this.timing.maxInFlight) this.post();
    // More than one batch's worth: the next at once (after other callbacks); the worker behind: next interval.
    if (this.queue.length > 0) {
      const soon = this.inFlight.size < this.timing.maxInFlight;
      this.timer = this.options.clock.setTimeout(() => this.onTimer(), soon ? 0 : this.timing.flushEveryMs);
    }
  }

  /** Encodes the next batch and hands it to the backend; main-thread CPU of it is counted (`postCpuMs`). */
  private post(): void {
    const cpu = process.threadCpuUsage();
    const rows = this.queue.splice(0, this.timing.maxBatchRows);
    const cells: Cell[] = [];
    const count = encodeRows(rows, cells);
    const b = this.backend;
    if (b.kind === 'memory') {
      b.history.writeCells(cells);
      this.local.memoryWritten += count;
    } else {
      const sent = b.worker.request({ op: 'write', cells }, null);
      this.inFlight.set(sent, cells);
      this.inFlightRows += count;
      void sent.then(
        () => this.onCommitted(sent, count),
        () => undefined, // the worker is gone: onWorkerGone kept the rows
      );
    }
    const used = process.threadCpuUsage(cpu);
    const ms = (used.user + used.system) / 1000;
    this.local.postCpuMs += ms;
    this.local.longestPostMs = Math.max(this.local.longestPostMs, ms);
  }

  private onCommitted(sent: Promise<unknown>, count: number): void {
    if (!this.inFlight.delete(sent)) return;
    this.inFlightRows -= count;
    if (!this.closed)
      this.indexTimer ??= this.options.clock.setTimeout(() => this.indexSome(), this.timing.indexEveryMs);
  }

  /** A query: the worker's answer; from memory when the store runs there (or the worker died meanwhile). */
  private async ask<T>(call: WorkerCall, memory: (history: MemoryHistory) => T): Promise<T> {
    const b = this.backend;
    if (b.kind === 'memory') return memory(b.history);
    try {
      return await b.worker.request<T>(call, this.timing.queryTimeoutMs);
    } catch (error) {
      const now = this.backend;
      if (error instanceof WorkerGoneError && now.kind === 'memory') return memory(now.history);
      throw error;
    }
  }

  /** One bounded slice of search indexing; again soon while behind (sooner when no chat is being written). */
  private indexSome(): void {
    this.indexTimer = null;
    const b = this.backend;
    if (this.closed || b.kind !== 'sqlite' || this.indexing) return;
    this.indexing = true;
    const slice = b.worker.request({ op: 'index', sliceMs: this.timing.indexSliceMs }, null);
    slice
      .catch((error: unknown) => {
        if (!(error instanceof WorkerGoneError))
          this.options.log.error('search indexing failed; will retry', error);
      })
      .finally(() => {
        this.indexing = false;
        if (this.closed || b.worker.failed || b.worker.stats.searchBacklog === 0) return;
        // Idle = nothing recorded since the last slice: while chat flows the index takes ~4 ms of every 250 ms.
        const idle = this.recordedSinceIndex === 0;
        this.recordedSinceIndex = 0;
        const delay = idle ? this.timing.indexIdleEveryMs : this.timing.indexEveryMs;
        this.indexTimer ??= this.options.clock.setTimeout(() => this.indexSome(), delay);
      });
  }

  private schedulePrune(delayMs: number): void {
    this.pruneTimer = this.options.clock.setTimeout(() => this.pruneSome(), delayMs);
  }

  /** One bounded step in the worker; continue until nothing is left to prune, then wait for the next round. */
  private pruneSome(): void {
    const b = this.backend;
    if (this.closed || b.kind !== 'sqlite') return;
    const { policy } = this.options;
    const current = typeof policy === 'function' ? policy() : policy;
    b.worker.request<number>({ op: 'prune', policy: current, now: this.options.clock.now() }, null).then(
      (deleted) => {
        if (!this.closed) this.schedulePrune(deleted > 0 ? 0 : this.timing.pruneEveryMs);
      },
      (error: unknown) => {
        if (error instanceof WorkerGoneError || this.closed) return;
        this.options.log.error('pruning chat history failed', error);
        this.schedulePrune(this.timing.pruneEveryMs);
      },
    );
  }
}
