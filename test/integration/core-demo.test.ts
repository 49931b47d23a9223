import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModPush, ModSnapshot, OverlayPush } from '../../src/shared/api';
import type { ChatMessage, OnAirEvent } from '../../src/shared/events';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { createLogger, memorySink } from '../../src/main/core/log/logger';

let core: OnAirCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

async function startCore(settings?: unknown, raw?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'onair-core-'));
  const settingsPath = join(dir, 'settings.json');
  if (raw !== undefined) await writeFile(settingsPath, raw);
  else if (settings !== undefined) await writeFile(settingsPath, JSON.stringify(settings));
  const logs = memorySink();
  core = await createCore({ settingsPath, dataDir: dir, log: createLogger(logs.sink, 'debug') });
  await core.start();
  return { core, dir, settingsPath, logs };
}

/** Attaches a mod view and collects what it receives. */
function attach(c: OnAirCore) {
  const pushes: ModPush[] = [];
  const view = c.attachView('mod', (push) => pushes.push(push));
  view.ready();
  const snapshot = (pushes[0] as { snapshot: ModSnapshot }).snapshot;
  const events = (): OnAirEvent[] => pushes.flatMap((p) => (p.type === 'events' ? p.events : []));
  return { pushes, snapshot, events, view };
}

function attachOverlay(c: OnAirCore) {
  const pushes: OverlayPush[] = [];
  c.attachView('overlay', (push) => pushes.push(push)).ready();
  return { pushes };
}

const until = async (predicate: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const demo = { sources: [{ id: 'demo', type: 'demo', rate: 50, seed: 7, alertEverySeconds: 1 }] };

describe('the core with the demo source', () => {
  it('starts the demo when nothing is configured, labelled as demo', async () => {
    const { core: c } = await startCore();
    const view = attach(c);
    expect(view.snapshot.statuses).toEqual([expect.objectContaining({ demo: true, state: 'connected' })]);
    await until(() => view.events().some((e) => e.kind === 'chat'));
  });

  it('deletes a line locally, says so, and writes the moderation log that survives a restart', async () => {
    const { core: c, dir, settingsPath } = await startCore(demo);
    const view = attach(c);
    await until(() => view.events().some((e) => e.kind === 'chat'));
    const line = view.events().find((e): e is ChatMessage => e.kind === 'chat')!;
    const result = await c.handlers.act({ type: 'delete', sourceId: 'demo', messageId: line.id });
    expect(result).toMatchObject({ ok: true, local: true });
    await until(() => view.events().some((e) => e.kind === 'removal'));
    const removal = view.events().find((e) => e.kind === 'removal');
    expect(removal).toMatchObject({ confirmed: false, target: { type: 'message', messageId: line.id } });
    await until(() => view.events().some((e) => e.kind === 'modlog'));
    await c.stop();

    core = await createCore({ settingsPath, dataDir: dir, log: createLogger(() => {}, 'error') });
    await core.start();
    const again = attach(core);
    expect(again.snapshot.modlog).toEqual([expect.objectContaining({ action: 'delete', result: 'local' })]);
    expect(await readFile(join(dir, 'moderation-log.jsonl'), 'utf8')).toContain(line.id);
  });

  it('feeds alerts through the queue to every view', async () => {
    const { core: c } = await startCore(demo);
    const overlay = attachOverlay(c);
    const mod = attach(c);
    await until(() => overlay.pushes.some((p) => p.type === 'alerts' && p.alerts.active !== null), 5000);
    expect(await c.handlers.alertControl({ command: 'pause' })).toMatchObject({ ok: true });
    await until(() => mod.pushes.some((p) => p.type === 'alerts' && p.alerts.status === 'paused'));
    // The overlay sees the alert on screen, not the queue behind it or that a mod paused it.
    for (const push of overlay.pushes) {
      if (push.type === 'alerts')
        expect(Object.keys(push.alerts).sort()).toEqual(['active', 'activeUntil', 'exiting', 'presentation']);
    }
  });

  it('applies settings changes: validation errors are returned, sources are swapped live', async () => {
    const { core: c } = await startCore(demo);
    const bad = await c.handlers.updateSettings({ overlay: { maxLines: 100_000 } });
    expect(bad).toMatchObject({ ok: false, code: 'bad-request' });
    const ok = await c.handlers.updateSettings({
      sources: [{ id: 'demo2', type: 'demo', enabled: true, rate: 5, seed: 3, alertEverySeconds: 0 }],
    });
    expect(ok).toMatchObject({ ok: true });
    const view = attach(c);
    expect(view.snapshot.statuses.map((s) => s.source.sourceId)).toEqual(['demo2']);
  });
});
