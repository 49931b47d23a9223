/**
 * Entry of the history worker thread (its own bundle entry, electron.vite.config.ts): opens the database and
 * serves the main thread's requests (worker-server.ts). Nothing here may throw at the main thread: a failure
 * to open is an answer, a crash is the Worker's `error` event.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openHistoryFile } from './open-file';
import { loadSqlite } from './sqlite-module';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol';
import { WorkerServer } from './worker-server';

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  const post = (reply: WorkerReply): void => port.postMessage(reply);
  const sqlite = loadSqlite((text) => post({ type: 'log', level: 'info', text: `node:sqlite: ${text}` }));
  const opened = sqlite
    ? openHistoryFile(sqlite, init.path, Date.now())
    : {
        ok: false as const,
        problem: 'This runtime has no built-in SQLite (node:sqlite); chat history is kept in memory only.',
      };
  if (!opened.ok) {
    post({ type: 'opened', ok: false, problem: opened.problem });
    port.close();
  } else {
    const server = new WorkerServer(opened.db, init, post, () => port.close());
    post({ type: 'opened', ok: true, path: init.path, notice: opened.notice });
    port.on('message', (request: WorkerRequest) => server.handle(request));
  }
}
