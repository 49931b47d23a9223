import { join } from 'node:path';
import type { Clock } from '../../clock';
import type { Logger } from '../../log/logger';
import { BatchedHistoryStore, DEFAULT_TIMING, type StoreTiming } from './history-store';
import type { RetentionPolicy } from './history-types';
import { HistoryWorkerClient } from './worker-client';
import type { WorkerEntry } from './worker-entry';

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
  /** Tests: where the worker's code is, and an op on which it crashes. */
  worker?: { entry?: WorkerEntry; crashOn?: string };
}

/**
 * The history store for the data folder: the SQLite file, owned by a worker thread, when it can be used; else
 * in-memory history with the reason reported once (never a crash). The worker moves a damaged file aside first
 * (never deleted, never emptied in place); a locked one (another OnAir uses this folder) or a newer schema is
 * left untouched.
 */
export async function openHistoryStore(options: OpenHistoryOptions): Promise<BatchedHistoryStore> {
  const { log } = options;
  const report = (text: string): void => {
    log.error(text);
    options.onProblem?.(text);
  };
  if (!options.enabled) return new BatchedHistoryStore({ problem: null }, options);
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const path = join(options.dataDir, HISTORY_FILE);
  let store: BatchedHistoryStore | null = null;
  const started = await HistoryWorkerClient.start({
    init: {
      path,
      sliceMs: timing.sliceMs,
      minSliceRows: timing.minSliceRows,
      crashOn: options.worker?.crashOn,
    },
    clock: options.clock,
    log,
    entry: options.worker?.entry,
    onFailure: (problem) => store?.onWorkerGone(problem),
  });
  if ('problem' in started) {
    report(started.problem);
    return new BatchedHistoryStore({ problem: started.problem }, options);
  }
  if (started.notice) report(started.notice);
  log.info(`chat history in ${path}`);
  store = new BatchedHistoryStore({ worker: started.client }, options);
  return store;
}
