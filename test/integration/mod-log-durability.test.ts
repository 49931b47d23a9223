import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/create-core';
import { silentLogger } from '../../src/main/core/log/logger';

const CHILD = fileURLToPath(new URL('../helpers/mod-log-burst-child.ts', import.meta.url));
const KILL_AFTER_ACKS = 600;

/** Starts the child, collects the acks it prints, SIGKILLs it after `KILL_AFTER_ACKS`. */
async function burstThenKill(dataDir: string): Promise<Set<string>> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked = new Set<string>();
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child too slow; stderr: ${stderr}`)), 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.add(line.slice(4));
      if (acked.size >= KILL_AFTER_ACKS && child.kill('SIGKILL')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => reject(new Error(`child exited early (${String(how)}): ${stderr}`)));
  });
  expect(await exited).toBe('SIGKILL');
  return acked;
}

describe('moderation log durability', () => {
  it('every action the console API answered is on disk after a SIGKILL mid-burst', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'onair-modlog-kill-'));
    const acked = await burstThenKill(dataDir);
    const text = await readFile(join(dataDir, 'moderation-log.jsonl'), 'utf8');
    const onDisk = new Set(
      text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { target: string }).target.replace(/^message /, '')),
    );
    const lost = [...acked].filter((id) => !onDisk.has(id));
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(lost, `${lost.length} of ${acked.size} acknowledged entries missing`).toEqual([]);
  }, 60_000);

  it('the console sees an entry (and the action its answer) only once the entry is on disk', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'onair-modlog-order-'));
    const settingsPath = join(dataDir, 'settings.json');
    const logPath = join(dataDir, 'moderation-log.jsonl');
    const demo = { id: 'demo', type: 'demo', rate: 1, seed: 1, alertEverySeconds: 0 };
    await writeFile(settingsPath, JSON.stringify({ sources: [demo] }));
    const core = await createCore({ settingsPath, dataDir, log: silentLogger });
    await core.start();
    const onDiskWhenShown: boolean[] = [];
    core
      .attachView('mod', (push) => {
        if (push.type !== 'events') return;
        for (const event of push.events)
          if (event.kind === 'modlog')
            onDiskWhenShown.push(readFileSync(logPath, 'utf8').includes(event.entry.id));
      })
      .ready();
    try {
      await Promise.all(
        ['a', 'b', 'c'].map(async (messageId) => {
          await core.handlers.act({ type: 'delete', sourceId: 'demo', messageId });
          expect(readFileSync(logPath, 'utf8')).toContain(`message ${messageId}`);
        }),
      );
      await expect.poll(() => onDiskWhenShown).toEqual([true, true, true]);
    } finally {
      await core.stop();
    }
  });
});
