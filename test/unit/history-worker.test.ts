import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import { HistoryEngine } from '../../src/main/core/storage/db/history-engine';
import { DEFAULT_RETENTION } from '../../src/main/core/storage/db/history-types';
import { openDatabase } from '../../src/main/core/storage/db/open-database';
import { HISTORY_FILE, openHistoryStore } from '../../src/main/core/storage/db/open-history';
import { encodeRows, type Cell } from '../../src/main/core/storage/db/row-cells';
import { SqliteHistory } from '../../src/main/core/storage/db/sqlite-history';
import { loadSqlite } from '../../src/main/core/storage/db/sqlite-module';
import { FakeClock } from '../helpers/fake-clock';
import { chat } from '../helpers/events';

const tempDir = () => mkdtemp(join(tmpdir(), 'onair-history-worker-'));
const author = (id: string) => ({ id, login: id, displayName: id, color: null, badges: [], roles: [] });

async function openStore(dataDir: string, clock: FakeClock, problems: string[], crashOn?: string) {
  return openHistoryStore({
    dataDir,
    enabled: true,
    policy: DEFAULT_RETENTION,
    clock,
    log: silentLogger,
    onProblem: (text) => problems.push(text),
    worker: { crashOn },
  });
}

const countIn = (dir: string): number => {
  const db = new DatabaseSync(join(dir, HISTORY_FILE), { readOnly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
  db.close();
  return n;
};

describe('history worker protocol', () => {
  it('answers a query between the write slices of a large batch (the query does not wait for it)', async () => {
    const clock = new FakeClock();
    const store = await openStore(await tempDir(), clock, []);
    store.recordMessage(chat({ author: author('early'), text: 'before the burst' }));
    await store.flush();
    for (let i = 0; i < 40_000; i++)
      store.recordMessage(chat({ author: author(`u${i % 500}`), text: `burst ${i}` }));
    const order: string[] = [];
    const flushed = store.flush().then(() => order.push('flush'));
    const found = store.userHistory({ userId: 'early' }).then((rows) => {
      order.push('query');
      return rows;
    });
    expect((await found).map((m) => m.text)).toEqual(['before the burst']);
    await flushed;
    expect(order).toEqual(['query', 'flush']);
    expect(store.status()).toMatchObject({ written: 40_001, queued: 0, backend: 'sqlite' });
    expect(store.status().batches).toBeGreaterThan(5); // 40,000 rows in ≥ 4 ms slices, not one transaction
    await store.close();
  });

  it('a crashed worker: the store continues in memory with the unwritten rows, says so, and answers', async () => {
    const clock = new FakeClock();
    const problems: string[] = [];
    const dir = await tempDir();
    const store = await openStore(dir, clock, problems, 'write');
    for (let i = 0; i < 3; i++) store.recordMessage(chat({ author: author('u1'), text: `kept line ${i}` }));
    clock.advance(250); // the batch goes to the worker, which crashes on it
    for (let i = 0; i < 200 && store.status().backend === 'sqlite'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.status()).toMatchObject({ backend: 'memory', rescued: 3, queued: 0 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/history worker crashed.*test crash on write/);
    expect(store.status().problem).toBe(problems[0]);
    expect((await store.searchLog({ text: 'kept' })).map((m) => m.text)).toEqual([
      'kept line 2',
      'kept line 1',
      'kept line 0',
    ]);
    store.recordMessage(chat({ author: author('u1'), text: 'after the crash' }));
    await store.flush();
    expect(await store.userHistory({ userId: 'u1' })).toHaveLength(4);
    await store.close();
  });

  it('a query in flight when the worker crashes is answered from memory, not lost', async () => {
    const problems: string[] = [];
    const store = await openStore(await tempDir(), new FakeClock(), problems, 'searchLog');
    store.recordMessage(chat({ text: 'still findable' }));
    const pending = store.searchLog({ text: 'findable' });
    await expect(pending).resolves.toHaveLength(1); // the queued row went to memory, then the query ran there
    expect(problems[0]).toMatch(/crashed/);
    await store.close();
  });

  it('close writes everything queued before the file is closed', async () => {
    const dir = await tempDir();
    const store = await openStore(dir, new FakeClock(), []);
    for (let i = 0; i < 5_000; i++) store.recordMessage(chat({ text: `line ${i}` }));
    await store.close();
    expect(countIn(dir)).toBe(5_000);
  });

  it('rejects a query the worker does not answer in time, instead of hanging', async () => {
    const clock = new FakeClock();
    const store = await openStore(await tempDir(), clock, []);
    const query = store.userHistory({ userId: 'x' });
    clock.advance(5_000); // fires before the worker's answer arrives (it is read only after this turn)
    await expect(query).rejects.toThrow(/did not answer within 5000 ms/);
    await store.close();
  });
});

describe('history engine (in the worker)', () => {
  it('a transaction stops after its time slice and the rest follows in the next', async () => {
    const sqlite = loadSqlite(() => {})!;
    const opened = openDatabase(sqlite, join(await tempDir(), HISTORY_FILE));
    if (!opened.ok) throw new Error(opened.message);
    let fakeNow = 0;
    // A slow disk: every time check (each 64 rows) is 1 ms later, so a slice holds 4 × 64 rows.
    const engine = new HistoryEngine(
      new SqliteHistory(opened.db),
      { sliceMs: 4, minSliceRows: 0 },
      () => (fakeNow += 1),
    );
    const cells: Cell[] = [];
    encodeRows(
      Array.from({ length: 1000 }, (_, i) => ({ table: 'message' as const, event: chat({ text: `m${i}` }) })),
      cells,
    );
    const cursor = { cells, offset: 0, skip: null };
    let slices = 0;
    while (cursor.offset < cells.length && slices < 10) slices += engine.writeSlice(cursor) ? 1 : 0;
    expect(slices).toBe(4);
    expect(engine.stats).toMatchObject({ written: 1000, batches: 4, rejected: 0 });
    opened.db.close();
  });

  it('a row the database refuses is skipped and counted; the rows around it are written', async () => {
    const sqlite = loadSqlite(() => {})!;
    const opened = openDatabase(sqlite, join(await tempDir(), HISTORY_FILE));
    if (!opened.ok) throw new Error(opened.message);
    const engine = new HistoryEngine(new SqliteHistory(opened.db), { sliceMs: 4, minSliceRows: 0 });
    const cells: Cell[] = [];
    encodeRows(
      [0, 1, 2].map((i) => ({ table: 'message' as const, event: chat({ text: `r${i}` }) })),
      cells,
    );
    cells[8 + 7] = null; // the second row's text: NOT NULL
    const cursor = { cells, offset: 0, skip: null };
    expect(engine.writeSlice(cursor)).toBe(false);
    expect(engine.writeSlice(cursor)).toBe(true);
    expect(engine.stats).toMatchObject({ written: 2, rejected: 1 });
    const texts = opened.db
      .prepare('SELECT text FROM messages ORDER BY id')
      .all()
      .map((r) => r.text);
    expect(texts).toEqual(['r0', 'r2']);
    opened.db.close();
  });
});
