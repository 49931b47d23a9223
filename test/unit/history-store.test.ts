import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import { openHistoryStore, HISTORY_FILE } from '../../src/main/core/storage/db/open-history';
import { DEFAULT_RETENTION, type HistoryStore } from '../../src/main/core/storage/db/history-types';
import { migrate, MIGRATIONS } from '../../src/main/core/storage/db/schema';
import { FakeClock } from '../helpers/fake-clock';
import { alert, chat, ref, removal } from '../helpers/events';

const DAY = 86_400_000;
const tempDir = () => mkdtemp(join(tmpdir(), 'onair-history-'));

function open(dataDir: string, clock = new FakeClock(), problems: string[] = []): Promise<HistoryStore> {
  return openHistoryStore({
    dataDir,
    enabled: true,
    policy: DEFAULT_RETENTION,
    clock,
    log: silentLogger,
    onProblem: (text) => problems.push(text),
  });
}

/**
 * The database is in a worker thread: after the fake clock fired a timer, its answer arrives in real time.
 * Advances the fake clock in `step`s, letting the worker answer in between, until `done` holds.
 */
async function drive(clock: FakeClock, done: () => boolean, step = 50): Promise<void> {
  const end = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out driving the store');
    clock.advance(step);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const author = (id: string, login: string) => ({
  id,
  login,
  displayName: login,
  color: null,
  badges: [],
  roles: [],
});

describe('history store (SQLite)', () => {
  it('writes in batches off the hot path, then answers user history newest first', async () => {
    const clock = new FakeClock();
    const store = await open(await tempDir(), clock);
    for (let i = 0; i < 5; i++)
      store.recordMessage(chat({ author: author('u7', 'bob'), text: `line ${i}`, receivedAt: i }));
    store.recordMessage(chat({ author: author('u8', 'eve'), text: 'other' }));
    expect(store.status()).toMatchObject({ backend: 'sqlite', queued: 6, written: 0 });
    expect(await store.userHistory({ userId: 'u7' })).toEqual([]);
    clock.advance(249);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.status().written).toBe(0);
    await drive(clock, () => store.status().written === 6, 1);
    expect(store.status()).toMatchObject({ queued: 0, written: 6 });
    const history = await store.userHistory({ userId: 'u7', limit: 3 });
    expect(history.map((m) => m.text)).toEqual(['line 4', 'line 3', 'line 2']);
    expect(await store.userHistory({ userId: 'u7', sourceId: 'elsewhere' })).toEqual([]);
    await store.close();
  });

  it('searches the log by words; hostile query syntax is searched for, never parsed', async () => {
    const clock = new FakeClock();
    const store = await open(await tempDir(), clock);
    store.recordMessage(chat({ text: 'Pog the raid is HERE' }));
    store.recordMessage(chat({ text: 'no raid today' }));
    store.recordMessage(chat({ text: 'say "NEAR(a b)" OR * -x' }));
    await store.flush();
    expect((await store.searchLog({ text: 'raid' })).map((m) => m.text)).toEqual([
      'no raid today',
      'Pog the raid is HERE',
    ]);
    expect((await store.searchLog({ text: 'here RAID' })).map((m) => m.text)).toEqual([
      'Pog the raid is HERE',
    ]);
    expect(await store.searchLog({ text: 'raid', sourceId: ref.sourceId })).toHaveLength(2);
    for (const hostile of ['"', 'NEAR(', '*', 'OR', '-x', 'a AND', '^', '(((', ''])
      await expect(store.searchLog({ text: hostile })).resolves.toBeInstanceOf(Array);
    expect(await store.searchLog({ text: 'NEAR(a' })).toHaveLength(1);
    await store.close();
  });

  it('searches before and after the background index caught up; the index stays consistent when pruning', async () => {
    const clock = new FakeClock();
    const dir = await tempDir();
    const store = await open(dir, clock);
    const now = clock.now();
    for (let i = 0; i < 300; i++)
      store.recordMessage(
        chat({ text: `${i % 2 ? 'raid' : 'Pog'} n${i}x`, receivedAt: now - (i < 100 ? 31 * DAY : 0) }),
      );
    await drive(clock, () => store.status().written === 300, 250);
    expect(store.status().searchBacklog).toBe(300);
    const beforeIndex = (await store.searchLog({ text: 'RAID', limit: 500 })).map((m) => m.messageId);
    expect(beforeIndex).toHaveLength(150);
    expect(await store.searchLog({ text: 'n7x raid' })).toHaveLength(1);
    expect(await store.searchLog({ text: '%' })).toEqual([]); // LIKE wildcards are escaped
    await drive(clock, () => store.status().searchBacklog === 0, 250);
    expect((await store.searchLog({ text: 'RAID', limit: 500 })).map((m) => m.messageId)).toEqual(
      beforeIndex,
    );
    // the first pruning round (5 s after start): the 100 old ones go, through the index's delete trigger
    await drive(clock, () => store.status().pruned === 100, 1_000);
    expect(await store.searchLog({ text: 'raid', limit: 500 })).toHaveLength(100);
    await store.close();
    const db = new DatabaseSync(join(dir, HISTORY_FILE));
    expect(() => db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });

  it('keeps moderation actions, alerts and notes across a restart', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    store.recordModAction({
      id: 'e1',
      at: 1,
      sourceId: 'src',
      actor: 'me',
      action: 'ban',
      target: 'bob',
      result: 'ok',
    });
    store.recordModAction(
      removal({ type: 'user', userId: 'u9' }, { reason: 'timeout', by: 'othermod', durationSeconds: 60 }),
    );
    store.recordAlert(alert({ bits: 500 }));
    await store.setNote('src', 'u9', 'spams links');
    await store.close();
    const db = new DatabaseSync(join(dir, HISTORY_FILE));
    expect(
      db.prepare('SELECT actor, action, target, detail, origin FROM mod_actions ORDER BY id').all(),
    ).toEqual([
      { actor: 'me', action: 'ban', target: 'bob', detail: null, origin: 'onair' },
      { actor: 'othermod', action: 'timeout', target: 'u9', detail: '60s', origin: 'service' },
    ]);
    expect(db.prepare('SELECT alert_type, json FROM alerts').get()).toMatchObject({ alert_type: 'cheer' });
    db.close();
    const again = await open(dir);
    expect(await again.note('src', 'u9')).toBe('spams links');
    await again.close();
  });

  it('migrates a version-1 database: old rows kept and made searchable', async () => {
    const dir = await tempDir();
    const old = new DatabaseSync(join(dir, HISTORY_FILE));
    expect(migrate(old, 1)).toBe(1);
    old
      .prepare(
        "INSERT INTO messages (source_id, message_id, user_id, login, display_name, text, at) VALUES ('src', 'x1', 'u1', 'ada', 'Ada', 'written before fts', 5)",
      )
      .run();
    old.close();
    const store = await open(dir);
    expect((await store.searchLog({ text: 'before' })).map((m) => m.messageId)).toEqual(['x1']);
    expect(await store.userHistory({ userId: 'u1' })).toHaveLength(1);
    await store.close();
    const check = new DatabaseSync(join(dir, HISTORY_FILE));
    expect(check.prepare('SELECT version FROM schema_version').get()).toEqual({ version: MIGRATIONS.length });
    check.close();
  });

  it('leaves a database from a newer OnAir untouched and runs in memory', async () => {
    const dir = await tempDir();
    const future = new DatabaseSync(join(dir, HISTORY_FILE));
    migrate(future);
    future.exec('UPDATE schema_version SET version = 99');
    future.close();
    const before = await readFile(join(dir, HISTORY_FILE));
    const problems: string[] = [];
    const store = await open(dir, new FakeClock(), problems);
    expect(store.status().backend).toBe('memory');
    expect(problems[0]).toMatch(/newer OnAir/);
    store.recordMessage(chat({ text: 'kept in memory' }));
    await store.flush();
    expect(await store.searchLog({ text: 'memory' })).toHaveLength(1);
    await store.close();
    expect(await readFile(join(dir, HISTORY_FILE))).toEqual(before);
  });

  it('moves a corrupt file aside (kept byte for byte) and starts a new database', async () => {
    const dir = await tempDir();
    const garbage = Buffer.from('this is not a database '.repeat(400));
    await writeFile(join(dir, HISTORY_FILE), garbage);
    const problems: string[] = [];
    const store = await open(dir, new FakeClock(), problems);
    expect(store.status().backend).toBe('sqlite');
    expect(problems[0]).toMatch(/damaged.*kept as .*broken-/);
    const broken = (await readdir(dir)).filter((f) => f.includes('.broken-'));
    expect(broken).toHaveLength(1);
    expect(await readFile(join(dir, broken[0]!))).toEqual(garbage);
    store.recordMessage(chat({ text: 'after the damage' }));
    await store.flush();
    expect(await store.searchLog({ text: 'damage' })).toHaveLength(1);
    await store.close();
  });

  it('a database locked by another OnAir is reported, not moved, and the app keeps history in memory', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    first.recordMessage(chat({ text: 'first instance' }));
    await first.flush();
    const problems: string[] = [];
    const second = await open(dir, new FakeClock(), problems);
    expect(second.status().backend).toBe('memory');
    expect(problems[0]).toMatch(/in use by another OnAir/);
    expect((await readdir(dir)).some((f) => f.includes('.broken-'))).toBe(false);
    await second.close();
    expect(await first.searchLog({ text: 'instance' })).toHaveLength(1);
    await first.close();
  });

  it('prunes rows older than the retention in the background, in bounded steps', async () => {
    const clock = new FakeClock();
    const dir = await tempDir();
    const store = await openHistoryStore({
      dataDir: dir,
      enabled: true,
      policy: { retentionDays: 30, maxBytes: DEFAULT_RETENTION.maxBytes },
      clock,
      log: silentLogger,
    });
    const now = clock.now();
    for (let i = 0; i < 2500; i++)
      store.recordMessage(chat({ text: `old ${i}`, receivedAt: now - 31 * DAY }));
    store.recordMessage(chat({ text: 'fresh', receivedAt: now - 29 * DAY }));
    store.recordModAction({
      id: 'e',
      at: now - 40 * DAY,
      sourceId: 'src',
      actor: 'me',
      action: 'ban',
      target: 'x',
      result: 'ok',
    });
    await store.flush();
    expect(await store.searchLog({ text: 'old', limit: 500 })).toHaveLength(500);
    // first round 5 s after start; three steps of ≤ 1000 rows, each its own request
    await drive(clock, () => store.status().pruned === 2501, 1_000);
    expect(await store.searchLog({ text: 'old' })).toEqual([]);
    expect(await store.searchLog({ text: 'fresh' })).toHaveLength(1);
    await store.close();
  });

  it('prunes the oldest messages when the data is over the size limit', async () => {
    const clock = new FakeClock();
    const store = await openHistoryStore({
      dataDir: await tempDir(),
      enabled: true,
      policy: { retentionDays: 30, maxBytes: 512 * 1024 },
      clock,
      log: silentLogger,
    });
    for (let i = 0; i < 4000; i++)
      store.recordMessage(chat({ text: `message number ${i} ${'x'.repeat(100)}`, receivedAt: clock.now() }));
    await store.flush();
    await drive(clock, () => store.status().pruned > 1000, 1_000);
    // The round goes on in steps until under the limit; then the next round is an hour away.
    for (let quiet = 0, last = -1; quiet < 20;) {
      quiet = store.status().pruned === last ? quiet + 1 : 0;
      last = store.status().pruned;
      clock.advance(1);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const pruned = store.status().pruned;
    expect(pruned).toBeGreaterThan(1000);
    expect(pruned).toBeLessThan(3000);
    expect(await store.searchLog({ text: 'number 3999' })).toHaveLength(1);
    expect(await store.searchLog({ text: 'number 0' })).toEqual([]);
    await store.close();
  });
});
