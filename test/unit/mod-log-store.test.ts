import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModLogEntry } from '../../src/shared/events';
import { ModLogStore } from '../../src/main/core/storage/mod-log-store';
import { silentLogger } from '../../src/main/core/log/logger';

/** A log entry; `id` and `target` vary per test. */
const entryOf = (id: string, target = 'm'): ModLogEntry => ({
  id,
  at: 1,
  sourceId: 's',
  actor: 'me',
  action: 'delete',
  target,
  result: 'ok',
});

describe('ModLogStore', () => {
  it('survives a restart and skips corrupt lines', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'onair-modlog-')), 'log.jsonl');
    const store = new ModLogStore(path, silentLogger);
    for (let i = 0; i < 5; i++) {
      void store.append({
        id: `e${i}`,
        at: i,
        sourceId: 's',
        actor: 'me',
        action: 'ban',
        target: `u${i}`,
        result: 'ok',
      });
    }
    await store.append({
      id: 'e5',
      at: 5,
      sourceId: 's',
      actor: 'me',
      action: 'delete',
      target: 'm',
      result: 'error',
      error: 'gone',
    });
    await appendFile(path, '{not json\n');
    const reopened = new ModLogStore(path, silentLogger);
    const entries = await reopened.loadRecent(3);
    expect(entries.map((e) => e.id)).toEqual(['e4', 'e5']);
    expect(reopened.skippedLines).toBe(1);
    expect((await reopened.loadRecent(100)).map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('resolves each append only once its line is in the file, a burst included', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'onair-modlog-')), 'log.jsonl');
    const store = new ModLogStore(path, silentLogger);
    const checks = Array.from({ length: 300 }, (_, i) =>
      store.append(entryOf(`b${i}`, `m${i}`)).then(async (stored) => {
        expect(stored).toBe(true);
        expect(await readFile(path, 'utf8')).toContain(`"id":"b${i}"`);
      }),
    );
    await Promise.all(checks);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(
      Array.from({ length: 300 }, (_, i) => `b${i}`),
    );
  });

  it('a write that fails resolves false (logged), never throws, and the next one retries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-modlog-'));
    await writeFile(join(dir, 'not-a-folder'), '');
    const store = new ModLogStore(join(dir, 'not-a-folder', 'log.jsonl'), silentLogger);
    expect(await store.append(entryOf('x'))).toBe(false);
    expect(await store.append(entryOf('y'))).toBe(false);
  });
});
