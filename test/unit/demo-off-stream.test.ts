import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema, type SourceConfig } from '../../src/shared/settings';
import { SourceManager, effectiveSources, firstRunDemo } from '../../src/main/core/source-manager';
import type { ChatSource } from '../../src/main/core/providers/source';
import { createLogger } from '../../src/main/core/log/logger';
import { applyModPushes, applyOverlayPushes } from '../../src/renderer/src/store/replica';
import { emptyModReplica, emptyOverlayReplica, modLimits } from '../../src/renderer/src/store/replica-types';
import { FakeClock } from '../helpers/fake-clock';
import { chat, ref } from '../helpers/events';
import { hubWithViews } from '../helpers/hub-views';

/** Issue 13.5: the demo never runs beside a real source, and its lines leave the history and both views. */
const twitch = { id: 'twitch:me', type: 'twitch', channel: 'me' } as const;
const demo = { id: 'demo', type: 'demo' } as const;
const ids = (configs: SourceConfig[]): string[] => configs.map((config) => config.id);
const settingsWith = (sources: unknown[]) => settingsSchema.parse({ sources });

describe('effectiveSources: no demo on stream', () => {
  it('runs the first-run demo only when nothing is configured', () => {
    expect(effectiveSources(defaultSettings())).toEqual([firstRunDemo]);
    expect(ids(effectiveSources(settingsWith([twitch])))).toEqual(['twitch:me']);
  });

  it('stops a configured demo while a real source is enabled and brings it back when none is', () => {
    expect(ids(effectiveSources(settingsWith([demo, twitch])))).toEqual(['twitch:me']);
    expect(ids(effectiveSources(settingsWith([demo, { ...twitch, enabled: false }])))).toEqual(['demo']);
  });

  it('keeps a demo the user disabled off, and shows no demo when only a real source is disabled', () => {
    expect(
      effectiveSources(
        settingsWith([
          { ...demo, enabled: false },
          { ...twitch, enabled: false },
        ]),
      ),
    ).toEqual([]);
    expect(effectiveSources(settingsWith([{ ...twitch, enabled: false }]))).toEqual([]);
  });
});

describe('Hub.dropLines: the demo leaves both views', () => {
  it('drops the demo lines from the history, both snapshots and both replicas; other lines stay', () => {
    const { hub, overlay, mod } = hubWithViews();
    const real = { sourceId: 'twitch:me', provider: 'twitch', channel: 'me' } as const;
    hub.publish(chat({ id: 'fake-1' }));
    hub.publish(chat({ id: 'real-1', source: real }));
    hub.publish(chat({ id: 'fake-2' }));
    hub.dropLines(ref.sourceId);
    hub.publish(chat({ id: 'real-2', source: real }));
    hub.flush();
    expect(hub.snapshot().messages.map((m) => m.id)).toEqual(['real-1', 'real-2']);
    expect(hub.overlaySnapshot().messages.map((m) => m.id)).toEqual(['real-1', 'real-2']);
    const overlayView = applyOverlayPushes(emptyOverlayReplica(), overlay);
    expect(overlayView.messages.map((m) => m.id)).toEqual(['real-1', 'real-2']);
    const modView = applyModPushes(emptyModReplica(), mod, modLimits);
    expect(modView.messages.map((m) => m.id)).toEqual(['real-1', 'real-2']);
  });
});

describe('SourceManager: stopping the demo reports it removed, with its config', () => {
  it('calls onRemoved with the demo config when a real source replaces it', async () => {
    const clock = new FakeClock();
    const removed: string[] = [];
    const fakeSource = { start: () => undefined, stop: async () => undefined } as unknown as ChatSource;
    const manager = new SourceManager({
      factory: async () => fakeSource,
      emit: () => undefined,
      clock,
      log: createLogger(() => undefined, 'error'),
      onRemoved: (id, config) => removed.push(`${id}:${config.type}`),
    });
    const endpoints = defaultSettings().endpoints;
    await manager.sync(effectiveSources(defaultSettings()), endpoints);
    await manager.sync(effectiveSources(settingsWith([twitch])), endpoints);
    expect(removed).toEqual(['demo:demo']);
    expect(manager.configs().map((config) => config.id)).toEqual(['twitch:me']);
  });

  it('changes a running source gate without restarting it', async () => {
    const clock = new FakeClock();
    let starts = 0;
    const manager = new SourceManager({
      factory: async () =>
        ({ start: () => (starts += 1), stop: async () => undefined }) as unknown as ChatSource,
      emit: () => undefined,
      clock,
      log: createLogger(() => undefined, 'error'),
    });
    const endpoints = defaultSettings().endpoints;
    await manager.sync(effectiveSources(settingsWith([twitch])), endpoints);
    await manager.sync(effectiveSources(settingsWith([{ ...twitch, gateSeconds: 7 }])), endpoints);
    expect(starts).toBe(1);
    expect(manager.gateSeconds('twitch:me')).toBe(7);
  });
});
