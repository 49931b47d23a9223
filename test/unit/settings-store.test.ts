import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src/main/core/settings/settings-store';
import { silentLogger } from '../../src/main/core/log/logger';

async function tempFile(content?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'onair-settings-'));
  const path = join(dir, 'settings.json');
  if (content !== undefined) await writeFile(path, content);
  return { dir, path };
}

describe('SettingsStore', () => {
  it('uses defaults when the file does not exist', async () => {
    const { path } = await tempFile();
    const result = await new SettingsStore(path, silentLogger).load();
    expect(result.brokenFileKeptAs).toBeUndefined();
    expect(result.settings.sources).toEqual([]);
    expect(result.settings.twitch.timeoutPresets).toEqual([1, 30, 60, 300, 1800, 3600, 86400, 604800]);
  });

  it('fills defaults into a partial file', async () => {
    const { path } = await tempFile(
      JSON.stringify({ sources: [{ id: 't', type: 'twitch', channel: 'xqc' }] }),
    );
    const { settings } = await new SettingsStore(path, silentLogger).load();
    expect(settings.sources[0]).toMatchObject({
      id: 't',
      type: 'twitch',
      channel: 'xqc',
      anonymous: true,
      enabled: true,
    });
    expect(settings.endpoints.twitchIrc).toBe('wss://irc-ws.chat.twitch.tv:443');
  });

  it.each([
    ['not JSON', '{"sources": ['],
    [
      'a schema violation',
      JSON.stringify({ sources: [{ id: 't', type: 'twitch', channel: 'NOT A LOGIN!' }] }),
    ],
  ])('keeps %s aside, reports it and uses defaults', async (_label, content) => {
    const { dir, path } = await tempFile(content);
    const result = await new SettingsStore(path, silentLogger).load();
    expect(result.problem).toBeTruthy();
    expect(result.settings.sources).toEqual([]);
    const kept = (await readdir(dir)).filter((name) => name.includes('.broken-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(content); // nothing lost
  });

  it('refuses invalid settings with a readable error and keeps the old file', async () => {
    const { path } = await tempFile();
    const store = new SettingsStore(path, silentLogger);
    await store.load();
    const ok = await store.replace({ ...store.get(), overlay: { ...store.get().overlay, maxLines: 40 } });
    expect(ok.ok).toBe(true);
    const before = await readFile(path, 'utf8');
    const bad = await store.replace({ ...store.get(), twitch: { clientId: 'x', timeoutPresets: [0] } });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/twitch\.timeoutPresets\.0/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('writes atomically (no temp files left behind)', async () => {
    const { dir, path } = await tempFile();
    const store = new SettingsStore(path, silentLogger);
    await store.load();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.replace({ ...store.get(), server: { port: 7000 + i } })),
    );
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(path, 'utf8')).server.port).toBeGreaterThanOrEqual(7000);
  });
});
