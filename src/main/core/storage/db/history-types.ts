import type { Alert, ChatMessage, ModLogEntry, Removal } from '../../../../shared/events';

/** A chat message as stored: enough for a user card's history and the log search. */
export interface StoredMessage {
  sourceId: string;
  messageId: string;
  userId: string;
  login: string;
  displayName: string;
  text: string;
  at: number;
}

export interface UserHistoryQuery {
  userId: string;
  /** Only this source's messages (user ids are per service). */
  sourceId?: string;
  limit?: number;
}

export interface LogSearchQuery {
  /** Words to find (all of them, in any order); service text, never query syntax. */
  text: string;
  sourceId?: string;
  limit?: number;
}

export interface StorageStatus {
  /** `sqlite`: the database file (in the worker); `memory`: off, or the file could not be used: lasts until quit. */
  backend: 'sqlite' | 'memory';
  /** Why the file is not used, or where a broken file was moved, for a notice in the console. */
  problem: string | null;
  queued: number;
  /** Messages written but not yet in the search index (found by a slower scan until they are). */
  searchBacklog: number;
  written: number;
  /** Write transactions committed (one per flush slice). */
  batches: number;
  /** Wall milliseconds inside write and indexing transactions, in the worker (disk and OS waits included). */
  writeMs: number;
  /** CPU milliseconds of the worker thread inside them. */
  writeCpuMs: number;
  /**
   * The most CPU one transaction took (the worker's CPU time, as the OS accounts it: in ticks of a few ms):
   * how long a query may wait behind a write. The main thread's event loop never waits on it.
   */
  longestWriteCpuMs: number;
  /** All CPU of the worker thread (writes, index, pruning, queries). */
  workerCpuMs: number;
  /** Main-thread CPU spent encoding and posting batches to the worker: the storage share of the event loop. */
  postCpuMs: number;
  /** The longest single encode-and-post on the main thread. */
  longestPostMs: number;
  /** Rows lost: dropped from a full queue, or refused by the database. */
  dropped: number;
  writeErrors: number;
  pruned: number;
  /** Rows the worker had not committed when it failed, kept in memory instead. */
  rescued: number;
}

/**
 * What the rest of the core calls. `record*` only enqueue (the chat hot path never waits on disk); rows reach
 * the store in short batched transactions. Queries answer from what was written, asynchronously (the database
 * lives in a worker thread): they reject with an Error when the store cannot answer (timeout), never hang.
 */
export interface HistoryStore {
  recordMessage(message: ChatMessage): void;
  /** Our own actions (the moderation log) and other moderators' seen on the service (removals). */
  recordModAction(action: ModLogEntry | Removal): void;
  recordAlert(alert: Alert): void;
  userHistory(query: UserHistoryQuery): Promise<StoredMessage[]>;
  searchLog(query: LogSearchQuery): Promise<StoredMessage[]>;
  setNote(sourceId: string, userId: string, note: string): Promise<void>;
  note(sourceId: string, userId: string): Promise<string | null>;
  /** Writes everything queued now; resolves once it is committed (tests, shutdown). */
  flush(): Promise<void>;
  status(): StorageStatus;
  /** Writes what is queued, then closes the database. */
  close(): Promise<void>;
}

export interface RetentionPolicy {
  retentionDays: number;
  maxBytes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: 30, maxBytes: 2 * 1024 ** 3 };
