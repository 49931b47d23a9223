import type { LogSearchQuery, RetentionPolicy, UserHistoryQuery } from './history-types';
import type { Cell } from './row-cells';

/** What the main thread gives the worker at start. */
export interface WorkerInit {
  path: string;
  /** A write transaction stops taking rows after this long (the worker then answers waiting queries) … */
  sliceMs: number;
  /** … but not before this many rows. */
  minSliceRows: number;
  /** Test hook: the worker throws from its message handler on this op (an uncaught exception: a crash). */
  crashOn?: string;
}

/** Requests from the main thread; every one is answered once, by its id. */
export type WorkerRequest =
  | { id: number; op: 'write'; cells: Cell[] }
  | { id: number; op: 'index'; sliceMs: number }
  | { id: number; op: 'prune'; policy: RetentionPolicy; now: number }
  | { id: number; op: 'userHistory'; query: UserHistoryQuery }
  | { id: number; op: 'searchLog'; query: LogSearchQuery }
  | { id: number; op: 'note'; sourceId: string; userId: string }
  | { id: number; op: 'setNote'; sourceId: string; userId: string; note: string; now: number }
  | { id: number; op: 'close' };

/** The worker's counters, sent with every answer (the main thread's `status()` reads the latest). */
export interface WorkerStats {
  written: number;
  batches: number;
  writeMs: number;
  writeCpuMs: number;
  longestWriteCpuMs: number;
  writeErrors: number;
  /** Rows the database refused on their own (skipped, so one bad row cannot block the rest). */
  rejected: number;
  pruned: number;
  searchBacklog: number;
  /** All CPU of the worker thread since it started (queries and message handling included). */
  threadCpuMs: number;
}

export const emptyWorkerStats = (): WorkerStats => ({
  written: 0,
  batches: 0,
  writeMs: 0,
  writeCpuMs: 0,
  longestWriteCpuMs: 0,
  writeErrors: 0,
  rejected: 0,
  pruned: 0,
  searchBacklog: 0,
  threadCpuMs: 0,
});

export type WorkerReply =
  | { type: 'opened'; ok: true; path: string; notice: string | null }
  | { type: 'opened'; ok: false; problem: string }
  | { type: 'result'; id: number; value: unknown; stats: WorkerStats }
  | { type: 'error'; id: number; message: string; stats: WorkerStats }
  /** The file broke while running: the worker moved it aside and stopped using it. */
  | { type: 'damaged'; problem: string }
  | { type: 'log'; level: 'info' | 'error'; text: string };
