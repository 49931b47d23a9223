import { describe, expect, it } from 'vitest';
import { modRequests } from '../../src/shared/api';
import { defaultSettings } from '../../src/shared/settings';
import { applySettingsPatch, changedSettings, settingsPatchSchema } from '../../src/shared/settings-patch';

describe('settings patches', () => {
  it('the request schema fills in nothing the patch left out', () => {
    expect(modRequests.updateSettings.parse({})).toEqual({});
    expect(settingsPatchSchema.parse({ overlay: { maxLines: 5 } })).toEqual({ overlay: { maxLines: 5 } });
    expect(settingsPatchSchema.parse({ twitch: { clientId: '' } })).toEqual({ twitch: { clientId: '' } });
  });

  it('still validates what it names, including new sources', () => {
    expect(settingsPatchSchema.safeParse({ server: { port: 70_000 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ overlay: { maxLines: 0 } }).success).toBe(false);
    const sources = settingsPatchSchema.parse({ sources: [{ id: 'c', type: 'chatkc' }] }).sources;
    expect(sources?.[0]).toMatchObject({ url: 'wss://server.mattkc.com:2002', enabled: true });
  });

  it('refuses unknown keys instead of answering ok for a change it dropped', () => {
    expect(settingsPatchSchema.safeParse({ overlay: { maxLInes: 5 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ sever: { port: 7555 } }).success).toBe(false);
  });

  it('merges field by field; sources are replaced as a list', () => {
    const current = { ...defaultSettings(), server: { port: 7555 } };
    const next = applySettingsPatch(current, { overlay: { maxLines: 5 }, sources: [] });
    expect(next).toMatchObject({
      server: { port: 7555 },
      overlay: { ...current.overlay, maxLines: 5 },
      sources: [],
    });
    expect(applySettingsPatch(current, {})).toEqual(current);
  });

  it('an editor sends only the fields that changed', () => {
    const before = defaultSettings();
    expect(changedSettings(before, structuredClone(before))).toEqual({});
    const after = {
      ...before,
      overlay: { ...before.overlay, maxLines: 9 },
      twitch: { ...before.twitch, timeoutPresets: [60] },
    };
    expect(changedSettings(before, after)).toEqual({
      overlay: { maxLines: 9 },
      twitch: { timeoutPresets: [60] },
    });
  });
});
