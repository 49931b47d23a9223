/**
 * Child process for the moderation-log durability test: runs the real core on a demo source and fires delete
 * actions as fast as they are answered (64 in flight), printing `ack <messageId>` on stdout the moment the
 * console API answers each one. The parent SIGKILLs it mid-burst. Usage: node --import tsx <this> <dataDir>
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/create-core';
import { silentLogger } from '../../src/main/core/log/logger';

const IN_FLIGHT = 64;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: mod-log-burst-child <dataDir>');
  const settingsPath = join(dataDir, 'settings.json');
  const source = { id: 'demo', type: 'demo', rate: 1, seed: 1, alertEverySeconds: 0 };
  await writeFile(settingsPath, JSON.stringify({ sources: [source] }));
  const core = await createCore({ settingsPath, dataDir, log: silentLogger });
  await core.start();
  let next = 0;
  const fire = async (): Promise<void> => {
    for (;;) {
      const messageId = `m${next++}`;
      await core.handlers.act({ type: 'delete', sourceId: 'demo', messageId });
      process.stdout.write(`ack ${messageId}\n`);
      // Requests reach the real core over a socket, one event-loop turn each: yield like that here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: IN_FLIGHT }, fire));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
