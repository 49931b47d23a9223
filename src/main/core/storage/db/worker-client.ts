import { Worker } from 'node:worker_threads';
import type { Clock, TimerHandle } from '../../clock';
import type { Logger } from '../../log/logger';
import { historyWorkerEntry, type WorkerEntry } from './worker-entry';
import {
  emptyWorkerStats,
  type WorkerInit,
  type WorkerReply,
  type WorkerRequest,
  type WorkerStats,
} from './worker-protocol';

/** A request without its id (the client numbers them). */
export type WorkerCall = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

/** The worker cannot answer any more (it crashed, or the file broke): the store answers from memory. */
export class WorkerGoneError extends Error {}

export interface WorkerClientOptions {
  init: WorkerInit;
  clock: Clock;
  log: Logger;
  /** Called once when the worker stops answering, with the notice text. */
  onFailure: (problem: string) => void;
  entry?: WorkerEntry;
  /** How long to wait for the database to open (migrations included). */
  openTimeoutMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: TimerHandle | null;
}

/**
 * The main thread's end of the history worker: numbered requests, each answered once or rejected (timeout,
 * worker gone); the worker's latest counters. The worker is unref'd while nothing is pending, so it never keeps
 * a process alive on its own, and ref'd while an answer is awaited.
 */
export class HistoryWorkerClient {
  stats: WorkerStats = emptyWorkerStats();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private gone: string | null = null;
  private closing = false;
  /** close() sent its request: the worker ends by itself after answering, which is no failure. */
  private closeAsked = false;

  private constructor(
    private readonly worker: Worker,
    private readonly options: WorkerClientOptions,
  ) {}

  /** Starts the worker and waits until it opened the file: the client, or why the file cannot be used. */
  static start(
    options: WorkerClientOptions,
  ): Promise<{ client: HistoryWorkerClient; notice: string | null } | { problem: string }> {
    let worker: Worker;
    try {
      const entry = options.entry ?? historyWorkerEntry();
      worker = new Worker(entry.url, { workerData: options.init, execArgv: entry.execArgv });
    } catch (error) {
      return Promise.resolve({ problem: startProblem(error) });
    }
    const client = new HistoryWorkerClient(worker, options);
    return new Promise((done) => {
      const timer = options.clock.setTimeout(() => {
        void worker.terminate();
        done({ problem: startProblem(new Error('it did not open the database in time')) });
      }, options.openTimeoutMs ?? 60_000);
      const early = (error: unknown): void => {
        options.clock.clearTimeout(timer);
        done({ problem: startProblem(error) });
      };
      worker.once('error', early);
      worker.once('message', (reply: WorkerReply) => {
        options.clock.clearTimeout(timer);
        worker.off('error', early);
        if (reply.type !== 'opened') return done({ problem: startProblem(new Error('unexpected answer')) });
        if (!reply.ok) return done({ problem: reply.problem });
        client.listen();
        done({ client, notice: reply.notice });
      });
    });
  }

  get failed(): boolean {
    return this.gone !== null;
  }

  /** One request; `timeoutMs` null waits as long as the worker lives (writes, close). */
  request<T>(call: WorkerCall, timeoutMs: number | null): Promise<T> {
    if (this.gone !== null) return Promise.reject(new WorkerGoneError(this.gone));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === null
          ? null
          : this.options.clock.setTimeout(() => {
              this.settle(id)?.reject(new Error(`the chat history did not answer within ${timeoutMs} ms`));
            }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...call, id } as WorkerRequest);
    });
  }

  /** Asks the worker to write what it holds and close the file; resolves when it did (or is gone). */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closeAsked = true;
    try {
      await this.request({ op: 'close' }, null);
    } catch {
      // gone already: nothing left to close
    }
    this.closing = true;
    await this.worker.terminate();
  }

  private listen(): void {
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(`the chat history worker crashed (${String(error)})`));
    this.worker.on('exit', (code) => {
      if (this.closing) return;
      // Asked to close, it answered and ended — its exit may be seen before close() resumes.
      if (this.closeAsked) return this.settleAll('the chat history worker has closed');
      this.fail(`the chat history worker stopped (exit code ${code})`);
    });
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'log') {
      if (reply.level === 'error') this.options.log.error(reply.text);
      else this.options.log.debug(reply.text);
    } else if (reply.type === 'damaged') this.fail(reply.problem);
    else if (reply.type === 'result' || reply.type === 'error') {
      this.stats = reply.stats;
      const pending = this.settle(reply.id);
      if (reply.type === 'result') pending?.resolve(reply.value);
      else pending?.reject(new Error(reply.message));
    }
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    this.options.clock.clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker.unref();
    return pending;
  }

  private fail(problem: string): void {
    if (this.gone !== null) return;
    this.gone = problem;
    this.closing = true;
    void this.worker.terminate();
    this.options.onFailure(problem);
    this.settleAll(problem);
  }

  private settleAll(why: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new WorkerGoneError(why));
  }
}

function startProblem(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The chat history worker could not start (${reason}). Chat history is kept in memory until you quit.`;
}
