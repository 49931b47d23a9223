import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModPush } from '../../src/shared/api';
import type { ChatMessage } from '../../src/shared/events';
import { inlineText, modActionLine } from '../../src/shared/mod-action-text';
import { createCore } from '../../src/main/core/create-core';
import { createLogger, memorySink } from '../../src/main/core/log/logger';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function startCore(dir: string, rate: number) {
  const settingsPath = join(dir, 'settings.json');
  const sources = [{ id: 'demo', type: 'demo', rate, seed: 7, alertEverySeconds: 0 }];
  // Storage is off by default: these tests are about what survives a restart, so it is on.
  await writeFile(settingsPath, JSON.stringify({ version: 1, sources, storage: { enabled: true } }));
  const core = await createCore({
    settingsPath,
    dataDir: dir,
    log: createLogger(memorySink().sink, 'debug'),
  });
  stop = () => core.stop();
  await core.start();
  const pushes: ModPush[] = [];
  core.attachView('mod', (push) => pushes.push(push)).ready();
  const chats = (): ChatMessage[] =>
    pushes.flatMap((p) => (p.type === 'events' ? p.events.filter((e) => e.kind === 'chat') : []));
  return { core, chats };
}

const until = async (predicate: () => boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('user card and moderation log requests', () => {
  it('history, note and moderation survive a restart of the core with the same data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-card-'));
    const first = await startCore(dir, 200);
    // A chatter with at least two lines: one gets deleted, the other stays.
    let who: ChatMessage | undefined;
    await until(() => {
      const counts = new Map<string, number>();
      for (const m of first.chats()) counts.set(m.author.id, (counts.get(m.author.id) ?? 0) + 1);
      who = first.chats().find((m) => (counts.get(m.author.id) ?? 0) >= 2);
      return who !== undefined;
    });
    const { id: userId, login, displayName } = who!.author;
    const h = first.core.handlers;
    expect(await h.act({ type: 'delete', sourceId: 'demo', messageId: who!.id })).toMatchObject({ ok: true });
    await h.act({
      type: 'timeout',
      sourceId: 'demo',
      userId,
      login,
      seconds: 1800,
      reason: 'spam, "quoted"',
    });
    expect(await h.setUserNote({ sourceId: 'demo', userId, note: 'Warned in DMs =cmd()' })).toMatchObject({
      ok: true,
      detail: 'Saved.',
    });
    first.core.history.flush();
    const theirs = first.chats().filter((m) => m.author.id === userId);
    await first.core.stop();
    stop = null;

    const second = await startCore(dir, 0);
    const h2 = second.core.handlers;
    const card = await h2.userCard({ sourceId: 'demo', userId, login });
    expect(card.storage).toBe('sqlite');
    expect(card.note).toBe('Warned in DMs =cmd()');
    expect(card.messageCount).toBeGreaterThanOrEqual(theirs.length);
    expect(card.firstSeenAt).toBe(theirs[0]!.receivedAt);
    expect(card.twitch).toBeNull();
    const said = card.actions.map(modActionLine);
    const actor = card.actions[0]!.actor; // the demo source's own identity
    expect(said).toEqual([
      `${actor} timed out ${login} for 30 min — spam, "quoted"`,
      `${actor} deleted '${inlineText(who!.text)}' from ${displayName}`,
    ]);

    // Paged, newest first; every stored line of the first run is there.
    const page1 = await h2.userHistory({ sourceId: 'demo', userId, login, limit: 1 });
    expect(page1.messages).toHaveLength(1);
    expect(page1.nextCursor).toBe('1');
    const all = await h2.userHistory({ sourceId: 'demo', userId, login, limit: 200 });
    expect(all.messages.map((m) => m.messageId)).toEqual(theirs.map((m) => m.id).reverse());
    const word = who!.text.split(/\s+/).find((w) => /^[a-z]{3,}$/i.test(w));
    if (word) {
      const found = await h2.userHistory({ sourceId: 'demo', userId, login, text: word.toUpperCase() });
      expect(found.messages.map((m) => m.messageId)).toContain(who!.id);
      expect(found.messages.every((m) => m.text.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    }

    // The log: filters, text search (over the human text), CSV.
    const deletes = await h2.modLog({ action: 'delete' });
    expect(deletes.entries.map((e) => e.action)).toEqual(['delete']);
    expect((await h2.modLog({ text: '30 min' })).entries.map((e) => e.action)).toEqual(['timeout']);
    expect((await h2.modLog({ user: login.toUpperCase() })).total).toBe(2);
    expect((await h2.modLog({ moderator: 'nobody' })).total).toBe(0);
    expect((await h2.modLog({ to: 0 })).total).toBe(0);
    const { csv, count } = await h2.exportModLog({ user: login });
    expect(count).toBe(2);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time (UTC),source,moderator,action,target,what,reason,result,error');
    expect(lines[1]).toContain(
      `,demo,${actor},timeout,${login},${actor} timed out ${login} for 30 min,"spam, ""quoted""",local,`,
    );
  });

  it('a note on a core without storage is said to last until quit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-card-'));
    const settingsPath = join(dir, 'settings.json');
    await writeFile(settingsPath, JSON.stringify({ version: 1, sources: [], storage: { enabled: false } }));
    const core = await createCore({
      settingsPath,
      dataDir: dir,
      log: createLogger(memorySink().sink, 'debug'),
    });
    stop = () => core.stop();
    await core.start();
    const saved = await core.handlers.setUserNote({ sourceId: 'demo', userId: '1', note: 'hi' });
    expect(saved).toMatchObject({ ok: true, detail: 'Saved until OnAir quits (history storage is off).' });
    expect((await core.handlers.userCard({ sourceId: 'demo', userId: '1', login: 'x' })).note).toBe('hi');
  });
});
