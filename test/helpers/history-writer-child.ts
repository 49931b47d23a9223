/**
 * Child process for the kill -9 test: writes chat messages through the real history store as fast as it can
 * and, after each committed flush, reports the highest committed sequence number on stdout (written
 * synchronously, so an acknowledgement is never ahead of the commit). The parent kills it with SIGKILL.
 *
 * argv: dataDir runTag
 */
import { writeSync } from 'node:fs';
import { systemClock } from '../../src/main/core/clock';
import { silentLogger } from '../../src/main/core/log/logger';
import { openHistoryStore } from '../../src/main/core/storage/db/open-history';
import { DEFAULT_RETENTION } from '../../src/main/core/storage/db/history-types';
import { chat } from './events';

const [dataDir, runTag] = process.argv.slice(2) as [string, string];
const store = await openHistoryStore({
  dataDir,
  enabled: true,
  policy: DEFAULT_RETENTION,
  clock: systemClock,
  log: silentLogger,
});
if (store.status().backend !== 'sqlite') {
  writeSync(2, `not on sqlite: ${store.status().problem}\n`);
  process.exit(2);
}

let sequence = 0;
async function writeSome(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    sequence += 1;
    store.recordMessage(
      chat({ id: `${runTag}-${sequence}`, text: `kill test line ${sequence}`, receivedAt: Date.now() }),
    );
  }
  await store.flush();
  writeSync(1, `acked ${sequence}\n`);
  setImmediate(() => void writeSome());
}
void writeSome();
