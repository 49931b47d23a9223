import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewPush } from '../../src/shared/api';
import type { AlertApprovalItem } from '../../src/shared/alert-box/approval-types';
import type { AlertQueueState } from '../../src/shared/alert-queue-state';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { FakeClock } from '../helpers/fake-clock';

let core: OnAirCore | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  core = dir = null;
});

const quietDemo = [{ id: 'demo', type: 'demo', rate: 0.1, seed: 1, alertEverySeconds: 0 }];

async function startCore(alerts: Record<string, unknown>) {
  dir = await mkdtemp(join(tmpdir(), 'onair-alertbox-'));
  const settingsPath = join(dir, 'settings.json');
  await writeFile(settingsPath, JSON.stringify({ sources: quietDemo, alerts }));
  const clock = new FakeClock();
  core = await createCore({ settingsPath, dataDir: dir, log: silentLogger, clock });
  await core.start();
  return { core, clock };
}

function attach(c: OnAirCore, kind: 'overlay' | 'mod') {
  const pushes: ViewPush[] = [];
  c.attachView(kind, (push) => pushes.push(push)).ready();
  const queue = (): Partial<AlertQueueState> | undefined =>
    pushes.flatMap((p) => (p.type === 'alerts' ? [p.alerts] : [])).at(-1);
  const approvals = (): AlertApprovalItem[] | undefined =>
    pushes.flatMap((p) => (p.type === 'alertApprovals' ? [p.approvals] : [])).at(-1);
  return { pushes, queue, approvals };
}

const approvalOn = { approval: { enabled: true, timeoutSeconds: 30, onTimeout: 'reject' } };

describe('the alert box in the core', () => {
  it('test buttons say where their alert went: shown, then queued', async () => {
    const { core: c } = await startCore({});
    const first = await c.handlers.alertControl({ command: 'test', alertType: 'follow' });
    const second = await c.handlers.alertControl({ command: 'test', alertType: 'raid' });
    expect(first).toMatchObject({ ok: true, placement: 'shown', detail: 'Shown now' });
    expect(second).toMatchObject({ ok: true, placement: 'queued', detail: 'Queued' });
  });

  it('a per-variation test matches that variation, and the overlay gets its presentation', async () => {
    const { core: c } = await startCore({
      mediaFolder: '/media',
      types: {
        cheer: {
          base: { template: '{user} cheered {amount} bits' },
          variations: [
            { id: 'huge', when: { minAmount: 10000 }, image: 'huge.gif', template: 'HUGE {amount}' },
            { id: 'big', when: { minAmount: 1000 }, image: 'big.gif' },
          ],
        },
      },
    });
    const overlay = attach(c, 'overlay');
    const result = await c.handlers.alertControl({ command: 'test', alertType: 'cheer', variationId: 'big' });
    expect(result).toMatchObject({ placement: 'shown' });
    expect(overlay.queue()?.presentation).toMatchObject({
      variationId: 'big',
      text: 'OnAirTester cheered 1,000 bits',
      image: { url: '/alert-media/big.gif', kind: 'image' },
    });
    expect(
      await c.handlers.alertControl({ command: 'test', alertType: 'cheer', variationId: 'nope' }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('holds alerts with viewer text for the mod console only; a rejected text never reaches the overlay', async () => {
    const { core: c } = await startCore(approvalOn);
    const overlay = attach(c, 'overlay');
    const mod = attach(c, 'mod');
    expect(mod.approvals()).toEqual([]);
    const held = await c.handlers.alertControl({ command: 'test', alertType: 'donation' });
    expect(held).toMatchObject({ placement: 'held', detail: 'Held for approval' });
    expect(mod.approvals()?.[0]).toMatchObject({ status: 'pending', alert: { id: held.alertId } });
    const decided = await c.handlers.alertControl({
      command: 'decide',
      alertId: held.alertId!,
      decision: 'reject',
    });
    expect(decided).toMatchObject({ ok: true });
    expect(mod.approvals()?.[0]).toMatchObject({ status: 'rejected', decidedBy: 'moderator' });
    // Nothing of it went to the overlay: no approvals, no alert, no text.
    expect(overlay.pushes.some((p) => p.type === 'alertApprovals')).toBe(false);
    expect(JSON.stringify(overlay.pushes)).not.toContain('test donation');
    expect(overlay.queue()).toBeUndefined();
    expect(
      await c.handlers.alertControl({ command: 'decide', alertId: held.alertId!, decision: 'approve' }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('approve without text shows the alert with no message and nothing to speak', async () => {
    const { core: c } = await startCore({ ...approvalOn, tts: { enabled: true } });
    const overlay = attach(c, 'overlay');
    const held = await c.handlers.alertControl({ command: 'test', alertType: 'cheer' });
    await c.handlers.alertControl({
      command: 'decide',
      alertId: held.alertId!,
      decision: 'approve-without-text',
    });
    expect(overlay.queue()?.active).toMatchObject({ id: held.alertId, message: null });
    expect(overlay.queue()?.presentation).toMatchObject({
      speech: null,
      text: 'OnAirTester cheered 100 bits!',
    });
  });

  it('an approved text is spoken when TTS is on; the timeout policy decides alone', async () => {
    const { core: c, clock } = await startCore({ ...approvalOn, tts: { enabled: true } });
    const overlay = attach(c, 'overlay');
    const held = await c.handlers.alertControl({ command: 'test', alertType: 'resub' });
    await c.handlers.alertControl({ command: 'decide', alertId: held.alertId!, decision: 'approve' });
    expect(overlay.queue()?.presentation?.speech).toMatchObject({ text: 'A whole year already! (test)' });
    await c.handlers.alertControl({ command: 'skip' });
    clock.advance(1000);
    const late = await c.handlers.alertControl({ command: 'test', alertType: 'donation' });
    clock.advance(30_000);
    expect(JSON.stringify(overlay.pushes)).not.toContain('This is a test donation');
    const mod = attach(c, 'mod');
    expect(mod.approvals()?.find((item) => item.alert.id === late.alertId)).toMatchObject({
      status: 'rejected',
      decidedBy: 'timeout',
    });
  });

  it('lists the media folder for the console', async () => {
    const { core: c } = await startCore({});
    expect(await c.handlers.alertControl({ command: 'listMedia' })).toEqual({
      ok: true,
      local: true,
      media: [],
    });
  });
});
