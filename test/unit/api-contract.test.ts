import { describe, expect, it } from 'vitest';
import { modRequests } from '../../src/shared/api';
import { MOD_METHODS, isModMethod, requestChannel } from '../../src/shared/ipc';

describe('the API contract', () => {
  it('lists every request method once, with a distinct IPC channel', () => {
    expect([...MOD_METHODS].sort()).toEqual(Object.keys(modRequests).sort());
    expect(new Set(MOD_METHODS.map(requestChannel)).size).toBe(MOD_METHODS.length);
    expect(isModMethod('act')).toBe(true);
    expect(isModMethod('__proto__')).toBe(false);
    expect(isModMethod(42)).toBe(false);
  });

  it('rejects bogus payloads with readable errors', () => {
    const cases: Array<[keyof typeof modRequests, unknown]> = [
      ['act', { type: 'timeout', sourceId: 's', userId: '1', login: 'x', seconds: 0 }],
      ['act', { type: 'explode', sourceId: 's' }],
      ['act', 'delete everything'],
      ['send', { sourceId: 's', text: '' }],
      ['send', { sourceId: 's', text: 'x'.repeat(2001) }],
      ['updateSettings', { sources: [{ id: 'x', type: 'twitch', channel: 'Bad Name' }] }],
      ['alertControl', { command: 'replay' }],
      ['act', { type: 'userConf', sourceId: 's', color: 'red;background:url(x)' }],
    ];
    for (const [method, params] of cases) {
      const parsed = modRequests[method].safeParse(params);
      expect(parsed.success, `${method} ${JSON.stringify(params)}`).toBe(false);
    }
  });

  it('accepts well-formed requests', () => {
    expect(
      modRequests.act.safeParse({ type: 'timeout', sourceId: 's', userId: '1', login: 'x', seconds: 600 })
        .success,
    ).toBe(true);
    expect(modRequests.getSettings.safeParse(undefined).success).toBe(true);
    expect(modRequests.alertControl.safeParse({ command: 'test', alertType: 'raid' }).success).toBe(true);
  });
});
