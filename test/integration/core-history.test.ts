import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModPush, ModSnapshot } from '../../src/shared/api';
import type { ChatMessage } from '../../src/shared/events';
import { createCore } from '../../src/main/core/create-core';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { HISTORY_FILE } from '../../src/main/core/storage/db/open-history';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function startCore(dir: string, settings: unknown) {
  const settingsPath = join(dir, 'settings.json');
  await writeFile(settingsPath, JSON.stringify(settings));
  const core = await createCore({
    settingsPath,
    dataDir: dir,
    log: createLogger(memorySink().sink, 'debug'),
  });
  stop = () => core.stop();
  await core.start();
  const pushes: ModPush[] = [];
  core.attachView('mod', (push) => pushes.push(push)).ready();
  return { core, pushes };
}

const until = async (predicate: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const demo = {
  sources: [{ id: 'demo', type: 'demo', rate: 100, seed: 3, alertEverySeconds: 0 }],
  storage: { enabled: true },
};

describe('the core records into the history database', () => {
  it('stores the chat the views saw, answers user history, and has it on disk after stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-core-history-'));
    const { core, pushes } = await startCore(dir, demo);
    const chats = (): ChatMessage[] =>
      pushes.flatMap((p) => (p.type === 'events' ? p.events.filter((e) => e.kind === 'chat') : []));
    await until(() => chats().length >= 20);
    await until(() => core.history.status().written >= 20);
    const first = chats()[0]!;
    const history = await core.history.userHistory({ userId: first.author.id, sourceId: 'demo', limit: 500 });
    expect(history.map((m) => m.messageId)).toContain(first.id);
    const word = first.text.split(/\s+/).find((w) => /^[a-z]{4,}$/i.test(w));
    if (word)
      expect((await core.history.searchLog({ text: word, limit: 500 })).map((m) => m.messageId)).toContain(
        first.id,
      );
    await core.stop();
    stop = null;

    // Everything recorded before stop() is on disk, each message once.
    const db = new DatabaseSync(join(dir, HISTORY_FILE));
    const stored = db
      .prepare('SELECT message_id AS id FROM messages')
      .all()
      .map((r) => String(r.id));
    db.close();
    expect(new Set(stored).size).toBe(stored.length);
    for (const message of chats()) expect(stored).toContain(message.id);
  });

  it('a damaged history file does not stop the core: the console gets a notice, chat still flows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-core-history-'));
    await writeFile(join(dir, HISTORY_FILE), 'garbage, not a database'.repeat(300));
    const { core, pushes } = await startCore(dir, demo);
    const snapshot = (pushes[0] as { snapshot: ModSnapshot }).snapshot;
    expect(snapshot.notices.map((n) => n.text).join('\n')).toMatch(/history database was damaged.*kept as/);
    await until(() => pushes.some((p) => p.type === 'events' && p.events.some((e) => e.kind === 'chat')));
    expect(core.history.status().backend).toBe('sqlite');
  });
});
