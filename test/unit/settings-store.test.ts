import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/main/core/settings/settings-store';
import { silentLogger } from '../../src/main/core/log/logger';

async function tempFile(content?: string | Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'onair-settings-'));
  const path = join(dir, 'settings.json');
  if (content !== undefined) await writeFile(path, content);
  return { dir, path };
}

async function loadFrom(content: string | Buffer) {
  const { dir, path } = await tempFile(content);
  const store = new SettingsStore(path, silentLogger);
  return { dir, path, store, result: await store.load() };
}

const twitchSource = (id: string, channel: string) => ({ id, type: 'twitch', channel });
const copies = async (dir: string) => (await readdir(dir)).filter((name) => name.includes('.broken-'));

describe('SettingsStore: loading', () => {
  it('uses defaults when the file does not exist', async () => {
    const { path } = await tempFile();
    const result = await new SettingsStore(path, silentLogger).load();
    expect(result).toMatchObject({ problems: [], unreadable: false, sourcesDropped: false });
    expect(result.settings.sources).toEqual([]);
    expect(result.settings.twitch.timeoutPresets).toEqual([1, 30, 60, 300, 1800, 3600, 86400, 604800]);
  });

  it('fills defaults into a partial file', async () => {
    const { result } = await loadFrom(JSON.stringify({ sources: [twitchSource('t', 'xqc')] }));
    expect(result.settings.sources[0]).toMatchObject({
      id: 't',
      channel: 'xqc',
      anonymous: true,
      enabled: true,
    });
    expect(result.settings.endpoints.twitchIrc).toBe('wss://irc-ws.chat.twitch.tv:443');
    expect(result.problems).toEqual([]);
  });

  it('accepts a BOM, comments and trailing commas (JSONC)', async () => {
    const text = `\uFEFF{
      // my channel
      "sources": [{ "id": "t", "type": "twitch", "channel": "xqc", }, ],
      /* the port OBS uses */ "server": { "port": 7555 },
      "twitch": { "clientId": "abc//not-a-comment/*", },
    }`;
    const { result } = await loadFrom(text);
    expect(result.problems).toEqual([]);
    expect(result.settings.sources.map((s) => s.id)).toEqual(['t']);
    expect(result.settings.server.port).toBe(7555);
    expect(result.settings.twitch.clientId).toBe('abc//not-a-comment/*');
  });

  it('accepts a UTF-16 file with its BOM (Notepad "Unicode")', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('{"server":{"port":7555}}', 'utf16le'),
    ]);
    const { result } = await loadFrom(bytes);
    expect(result.settings.server.port).toBe(7555);
  });

  it('drops only an out-of-range field, keeps the rest and names it', async () => {
    const { result } = await loadFrom(
      JSON.stringify({
        sources: [twitchSource('t', 'xqc')],
        server: { port: 99_999 },
        overlay: { maxLines: 12, fadeSeconds: 'soon' },
        twitch: { clientId: 'abc', timeoutPresets: [60, 0] },
      }),
    );
    expect(result.settings.sources.map((s) => s.id)).toEqual(['t']);
    expect(result.settings.server.port).toBe(7480);
    expect(result.settings.overlay).toMatchObject({ maxLines: 12, fadeSeconds: 0 });
    expect(result.settings.twitch).toMatchObject({
      clientId: 'abc',
      timeoutPresets: [1, 30, 60, 300, 1800, 3600, 86400, 604800],
    });
    expect(result.problems).toEqual([
      expect.stringMatching(/^twitch\.timeoutPresets: .*using the default/),
      expect.stringMatching(/^overlay\.fadeSeconds: /),
      expect.stringMatching(/^server\.port: .*65535.*using the default/),
    ]);
    expect(result).toMatchObject({ unreadable: false, sourcesDropped: false });
  });

  it('drops only a bad source and says which', async () => {
    const { result } = await loadFrom(
      JSON.stringify({
        sources: [
          twitchSource('a', 'first'),
          twitchSource('bad', 'NOT A LOGIN!'),
          { id: 'x', type: 'irc-of-the-future' },
          { id: 'c', type: 'chatkc' },
        ],
      }),
    );
    expect(result.settings.sources.map((s) => s.id)).toEqual(['a', 'c']);
    expect(result.sourcesDropped).toBe(true);
    expect(result.problems).toEqual([
      expect.stringMatching(/^sources\[2\] \("x"\): .*left out/),
      expect.stringMatching(/^sources\[1\] \("bad"\): channel: a Twitch login.*left out/),
    ]);
  });

  it('repairs a missing required field by dropping its parent (overlay bounds without x)', async () => {
    const { result } = await loadFrom(
      JSON.stringify({ overlay: { maxLines: 9, bounds: { y: 1, width: 300, height: 300 } } }),
    );
    expect(result.settings.overlay.maxLines).toBe(9);
    expect(result.settings.overlay.bounds).toBeUndefined();
    expect(result.problems).toEqual([expect.stringMatching(/^overlay\.bounds: /)]);
  });

  it.each([
    ['not JSON', '{"sources": ['],
    ['not an object', '[1, 2]'],
  ])('%s: no sources, a clear error, the file left as it is', async (_label, content) => {
    const { dir, path, result } = await loadFrom(content);
    expect(result).toMatchObject({ unreadable: true, sourcesDropped: true });
    expect(result.problems[0]).toBeTruthy();
    expect(result.settings.sources).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await copies(dir)).toEqual([]);
  });
});

describe('SettingsStore: saving', () => {
  it('keeps a copy of a file that did not load cleanly before the first save, then writes plain JSON', async () => {
    const content = '{"server": {"port": 7555}, "sources": [ broken';
    const { dir, path, store } = await loadFrom(content);
    expect(await store.update({ overlay: { maxLines: 10 } })).toMatchObject({ ok: true });
    const kept = await copies(dir);
    expect(kept).toEqual([expect.stringMatching(/^settings\.json\.broken-[0-9TZ-]+$/)]);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(content);
    expect(JSON.parse(await readFile(path, 'utf8')).overlay.maxLines).toBe(10);
    await store.update({ overlay: { maxLines: 11 } });
    expect(await copies(dir)).toHaveLength(1); // one copy, not one per save
  });

  it('refuses to save when the file it would replace cannot be copied first', async () => {
    const { path } = await tempFile();
    await mkdir(path); // a folder where the file should be: unreadable, and not copyable
    const store = new SettingsStore(path, silentLogger);
    expect(await store.load()).toMatchObject({
      unreadable: true,
      problems: [expect.stringMatching(/EISDIR/)],
    });
    const saved = await store.update({ overlay: { maxLines: 10 } });
    expect(saved).toMatchObject({ ok: false, error: expect.stringMatching(/could not keep a copy/) });
    expect(store.get().overlay.maxLines).toBe(40);
  });

  it('writes a JSONC file back as plain JSON (after keeping nothing: it loaded cleanly)', async () => {
    const { dir, path, store } = await loadFrom('{ // c\n "server": { "port": 7555, }, }');
    await store.update({ alerts: { minBits: 5 } });
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved).toMatchObject({ server: { port: 7555 }, alerts: { minBits: 5 } });
    expect(await copies(dir)).toEqual([]);
  });

  it('changes only what a patch names', async () => {
    const custom = {
      server: { port: 7555 },
      endpoints: { twitchIrc: 'ws://127.0.0.1:6667' },
      twitch: { clientId: 'my-client-id' },
      overlay: { maxLines: 25, hiddenUsers: ['bot'] },
    };
    const { path, store } = await loadFrom(JSON.stringify(custom));
    expect(await store.update({})).toMatchObject({ ok: true });
    expect(await store.update({ overlay: { fadeSeconds: 30 } })).toMatchObject({ ok: true });
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved).toMatchObject({
      ...custom,
      overlay: { maxLines: 25, hiddenUsers: ['bot'], fadeSeconds: 30 },
    });
    expect(store.get()).toEqual(saved);
  });

  it('applies pipelined updates in call order: the last one wins, different sections all survive', async () => {
    const { path, store } = await loadFrom('{}');
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => store.update({ server: { port: 7000 + i } })),
      store.update({ overlay: { maxLines: 7 } }),
      store.update({ alerts: { minBits: 100 } }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved).toMatchObject({
      server: { port: 7049 },
      overlay: { maxLines: 7 },
      alerts: { minBits: 100 },
    });
    expect(store.get()).toEqual(saved);
  });

  it('runs the after-save step of each update before the next update starts', async () => {
    const { store } = await loadFrom('{}');
    const seen: string[] = [];
    const slowApply = async (next: { server: { port: number } }) => {
      seen.push(`start ${next.server.port}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`end ${next.server.port}`);
    };
    await Promise.all([1, 2, 3].map((i) => store.update({ server: { port: i } }, slowApply)));
    expect(seen).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('refuses invalid settings with a readable error and keeps the old file', async () => {
    const { path, store } = await loadFrom('{}');
    expect((await store.update({ overlay: { maxLines: 40 } })).ok).toBe(true);
    const before = await readFile(path, 'utf8');
    const bad = await store.update({ twitch: { timeoutPresets: [0] } });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/twitch\.timeoutPresets\.0/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('writes atomically (no temp files left behind)', async () => {
    const { dir, store } = await loadFrom('{}');
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.update({ server: { port: 7000 + i } })));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
