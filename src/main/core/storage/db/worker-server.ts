import { HistoryEngine, type WriteCursor } from './history-engine';
import { isDamaged, moveAside } from './open-database';
import { damagedText } from './open-file';
import { SqliteHistory } from './sqlite-history';
import type { Database } from './sqlite-module';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';

/** After a failed write (not damage: e.g. a full disk) the worker waits this long before trying again. */
const RETRY_MS = 250;

/**
 * The worker thread's side of the protocol. Writes queue up and are committed in short slices, each its own
 * macrotask, so a query that arrives meanwhile is answered between two slices; every other request runs at
 * once, in its own transaction. A damaged file is moved aside and reported; the worker then refuses all work
 * and the main thread continues in memory.
 */
export class WorkerServer {
  private readonly engine: HistoryEngine;
  private readonly writes: Array<{ id: number; cursor: WriteCursor }> = [];
  private draining = false;
  private closeId: number | null = null;
  private broken = false;

  constructor(
    private readonly db: Database,
    private readonly init: WorkerInit,
    private readonly post: (reply: WorkerReply) => void,
    private readonly onClosed: () => void = () => {},
  ) {
    const onError = (text: string, error: unknown): void =>
      post({ type: 'log', level: 'error', text: `${text}: ${String(error)}` });
    this.engine = new HistoryEngine(new SqliteHistory(db), init, undefined, onError);
  }

  handle(request: WorkerRequest): void {
    if (request.op === this.init.crashOn) throw new Error(`test crash on ${request.op}`);
    if (this.broken) return this.fail(request.id, 'the history database is no longer used');
    if (request.op === 'write') {
      this.writes.push({ id: request.id, cursor: { cells: request.cells, offset: 0, skip: null } });
      return this.drain();
    }
    if (request.op === 'close') {
      this.closeId = request.id;
      return this.drain();
    }
    try {
      this.answer(request.id, this.run(request));
    } catch (error) {
      if (isDamaged(error)) return this.damaged(error);
      this.fail(request.id, error instanceof Error ? error.message : String(error));
    }
  }

  private run(request: Exclude<WorkerRequest, { op: 'write' | 'close' }>): unknown {
    const { history } = this.engine;
    switch (request.op) {
      case 'index':
        return this.engine.indexSlice(request.sliceMs);
      case 'prune':
        return this.engine.prune(request.policy, request.now);
      case 'userHistory':
        return history.userHistory(request.query);
      case 'searchLog':
        return history.searchLog(request.query);
      case 'note':
        return history.note(request.sourceId, request.userId);
      case 'setNote':
        return history.setNote(request.sourceId, request.userId, request.note, request.now);
    }
  }

  /** One slice of the oldest queued write, then the next slice as a new macrotask (queries get in between). */
  private drain(): void {
    if (this.draining) return;
    const head = this.writes[0];
    if (!head) return this.closeIfAsked();
    this.draining = true;
    let ok: boolean;
    try {
      ok = this.engine.writeSlice(head.cursor);
    } catch (error) {
      this.draining = false;
      return this.damaged(error);
    }
    if (head.cursor.offset >= head.cursor.cells.length) {
      this.writes.shift();
      this.answer(head.id, null);
    }
    const again = (): void => {
      this.draining = false;
      this.drain();
    };
    if (ok) setImmediate(again);
    else setTimeout(again, RETRY_MS);
  }

  private closeIfAsked(): void {
    if (this.closeId === null) return;
    const id = this.closeId;
    this.closeId = null;
    const stats = this.engine.snapshot();
    this.db.close();
    this.broken = true;
    this.post({ type: 'result', id, value: null, stats });
    this.onClosed();
  }

  private damaged(error: unknown): void {
    this.broken = true;
    try {
      this.db.close();
    } catch {
      // closing a damaged file may fail too; moving it aside is what matters
    }
    this.post({ type: 'damaged', problem: damagedText(error, moveAside(this.init.path, Date.now())) });
  }

  private answer(id: number, value: unknown): void {
    this.post({ type: 'result', id, value: value ?? null, stats: this.engine.snapshot() });
  }

  private fail(id: number, message: string): void {
    this.post({ type: 'error', id, message, stats: { ...this.engine.stats } });
  }
}
