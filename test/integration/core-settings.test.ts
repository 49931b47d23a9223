import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modRequests, type ModSnapshot, type ViewPush } from '../../src/shared/api';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { createLogger, memorySink } from '../../src/main/core/log/logger';

let core: OnAirCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function startCore(raw: string | null, extraFiles: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'onair-core-settings-'));
  const settingsPath = join(dir, 'settings.json');
  if (raw !== null) await writeFile(settingsPath, raw);
  for (const name of extraFiles) await writeFile(join(dir, name), 'partial');
  const told: string[] = [];
  core = await createCore({
    settingsPath,
    dataDir: dir,
    log: createLogger(memorySink().sink, 'debug'),
    onSettingsProblem: (text) => told.push(text),
  });
  await core.start();
  return { core, dir, settingsPath, told };
}

function snapshotOf(c: OnAirCore): ModSnapshot {
  const pushes: ViewPush[] = [];
  c.attachView('mod', (push) => pushes.push(push)).ready();
  return (pushes[0] as { snapshot: ModSnapshot }).snapshot;
}

/** What the IPC and WebSocket bridges do with a request: parse it with its schema, then call the handler. */
const save = (c: OnAirCore, params: unknown) =>
  c.handlers.updateSettings(modRequests.updateSettings.parse(params));

const demoSource = { id: 'demo', type: 'demo', rate: 5, seed: 7, alertEverySeconds: 0 };

describe('the core with a damaged settings file', () => {
  it('unreadable JSON: no demo, an error notice and stdout text, the file left as it is', async () => {
    const content = '{"sources": [{"id": "t", "type": "twitch", "channel": "mychannel"} broken';
    const { core: c, settingsPath, told } = await startCore(content);
    const snapshot = snapshotOf(c);
    expect(snapshot.statuses).toEqual([]);
    expect(snapshot.notices[0]).toMatchObject({
      level: 'error',
      text: expect.stringMatching(/no sources \(no demo chat\)/),
    });
    expect(told).toEqual([snapshot.notices[0]!.text]);
    expect(await readFile(settingsPath, 'utf8')).toBe(content);
  });

  it('one bad source: the others run, the notice names the one left out, no demo', async () => {
    const { core: c, told } = await startCore(
      JSON.stringify({ sources: [demoSource, { id: 'bad', type: 'twitch', channel: 'Not A Login' }] }),
    );
    const snapshot = snapshotOf(c);
    expect(snapshot.statuses.map((s) => s.source.sourceId)).toEqual(['demo']);
    expect(snapshot.notices[0]).toMatchObject({
      level: 'warning',
      text: expect.stringContaining('sources[1] ("bad")'),
    });
    expect(told).toHaveLength(1);
  });

  it('every source bad: nothing runs rather than the demo, until the user saves sources', async () => {
    const { core: c } = await startCore(JSON.stringify({ sources: [{ id: 'bad', type: 'twitch' }] }));
    expect(snapshotOf(c).statuses).toEqual([]);
    expect(await save(c, { overlay: { maxLines: 10 } })).toMatchObject({ ok: true });
    expect(snapshotOf(c).statuses).toEqual([]);
    expect(await save(c, { sources: [] })).toMatchObject({ ok: true });
    expect(snapshotOf(c).statuses).toEqual([expect.objectContaining({ demo: true })]);
  });

  it('a clean file says nothing', async () => {
    const { core: c, told } = await startCore(JSON.stringify({ sources: [demoSource] }));
    expect(snapshotOf(c).notices.filter((n) => n.source.sourceId === 'onair')).toEqual([]);
    expect(told).toEqual([]);
  });

  it('removes the temp files an interrupted save left, and nothing else', async () => {
    const leftovers = ['settings.json.0a1b2c3d4e5f.tmp', 'twitch-secrets.json.ffffffffffff.tmp'];
    const { dir } = await startCore(JSON.stringify({ sources: [demoSource] }), [
      ...leftovers,
      'keep.0a1b2c3d4e5f.tmp',
    ]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual(['keep.0a1b2c3d4e5f.tmp']);
  });
});

describe('settings updates through the console API', () => {
  it('Save with no change keeps everything, including server.port', async () => {
    const custom = {
      sources: [demoSource],
      server: { port: 7555 },
      endpoints: { twitchOAuth: 'http://127.0.0.1:9/oauth2' },
      twitch: { clientId: 'my-client-id' },
    };
    const { core: c, settingsPath } = await startCore(JSON.stringify(custom));
    expect(await save(c, {})).toMatchObject({ ok: true });
    expect(await save(c, { overlay: { maxLines: 12 } })).toMatchObject({ ok: true });
    const saved = JSON.parse(await readFile(settingsPath, 'utf8'));
    expect(saved).toMatchObject({ ...custom, overlay: { maxLines: 12 } });
    expect(c.settings()).toEqual(saved);
  });

  it('50 pipelined updates end on the last; patches to different sections all survive', async () => {
    const { core: c, settingsPath } = await startCore(JSON.stringify({ sources: [demoSource] }));
    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => save(c, { overlay: { maxLines: i + 1 } })),
      save(c, { alerts: { minBits: 100 } }),
    ]);
    const saved = JSON.parse(await readFile(settingsPath, 'utf8'));
    expect(saved).toMatchObject({ overlay: { maxLines: 50 }, alerts: { minBits: 100 } });
    expect(c.settings()).toEqual(saved);
  });
});
