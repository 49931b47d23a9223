import { describe, expect, it } from 'vitest';
import type { ModHandlers } from '../../src/shared/api';
import { MOD_METHODS } from '../../src/shared/ipc';
import { defaultSettings } from '../../src/shared/settings';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import {
  MAX_REQUEST_DEPTH,
  describeUntrusted,
  exceedsRequestBounds,
} from '../../src/main/core/requests/bounds';
import { createRequestDispatcher } from '../../src/main/core/requests/dispatch';
import { emptyCardHandlers } from '../helpers/empty-card';

/** Handlers that record what reached them; `reconnect` fails the way a core bug would. */
function recordingHandlers() {
  const calls: Array<{ method: string; params: unknown }> = [];
  const ok = async (method: string, params: unknown) => {
    calls.push({ method, params });
    return { ok: true as const, local: true };
  };
  const handlers: ModHandlers = {
    act: (p) => ok('act', p),
    send: (p) => ok('send', p),
    getSettings: async () => defaultSettings(),
    updateSettings: (p) => ok('updateSettings', p),
    alertControl: (p) => ok('alertControl', p),
    loginTwitch: (p) => ok('loginTwitch', p),
    cancelLogin: (p) => ok('cancelLogin', p),
    logoutTwitch: (p) => ok('logoutTwitch', p),
    reconnect: async () => {
      throw new Error('core bug');
    },
    setSourceToken: (p) => ok('setSourceToken', p),
    setClickThrough: (p) => ok('setClickThrough', p),
    keepOffStream: (p) => ok('keepOffStream', p),
    // A handler that throws before returning a promise.
    getOverlayUrl: () => {
      throw new TypeError('sync core bug');
    },
    ...emptyCardHandlers(),
  };
  return { handlers, calls };
}

function setup() {
  const logged = memorySink();
  const { handlers, calls } = recordingHandlers();
  const dispatcher = createRequestDispatcher(handlers, createLogger(logged.sink, 'debug', 'test'));
  return { dispatcher, calls, logged };
}

const deepArray = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);

describe('request dispatcher', () => {
  it('refuses every method that is not an own contract method, without calling its toString', async () => {
    const { dispatcher, calls } = setup();
    const throwing = {
      toString() {
        throw new Error('toString called');
      },
    };
    const cases: Array<[unknown, string]> = [
      [{ toString: 1 }, 'unknown method: (object)'],
      [throwing, 'unknown method: (object)'],
      [deepArray(30_000), 'unknown method: (array)'],
      [null, 'unknown method: (null)'],
      [42, 'unknown method: (number)'],
      [undefined, 'unknown method: (undefined)'],
      ['__proto__', 'unknown method: __proto__'],
      ['constructor', 'unknown method: constructor'],
      ['hasOwnProperty', 'unknown method: hasOwnProperty'],
      ['act\nINFO forged log line', 'unknown method: act?INFO forged log line'],
      ['x'.repeat(10_000), `unknown method: ${'x'.repeat(64)}`],
    ];
    for (const [method, error] of cases) {
      expect(await dispatcher.dispatch(method, {})).toEqual({ ok: false, refusal: 'unknown-method', error });
    }
    expect(calls).toEqual([]);
  });

  it('refuses params nested too deep or too big before the schema sees them', async () => {
    const { dispatcher, calls } = setup();
    for (const method of MOD_METHODS) {
      const outcome = await dispatcher.dispatch(method, deepArray(30_000));
      expect(outcome).toEqual({
        ok: false,
        refusal: 'too-large',
        error: `bad params for ${method}: nested deeper than ${MAX_REQUEST_DEPTH} levels`,
      });
    }
    const wide = { sourceId: 's', text: 'x', extra: Array.from({ length: 30_000 }, () => 0) };
    expect(await dispatcher.dispatch('send', wide)).toMatchObject({ refusal: 'too-large' });
    expect(calls).toEqual([]);
  });

  it('names the first bad field, and never calls the handler for bad params', async () => {
    const { dispatcher, calls } = setup();
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'act',
        { type: 'timeout', sourceId: 's', userId: '1', login: 'x', seconds: 1e308 },
        /^bad params for act: seconds: /,
      ],
      ['act', { type: { toString: 1 }, sourceId: 's' }, /^bad params for act: type: /],
      ['send', { sourceId: ['s'], text: 'x' }, /^bad params for send: sourceId: /],
      ['getSettings', { valueOf: 1 }, /^bad params for getSettings: params: /],
      ['setSourceToken', { sourceId: 's', token: { length: 1 } }, /^bad params for setSourceToken: token: /],
      [
        'updateSettings',
        { sources: [{ __proto__: { type: 'demo' } }] },
        /^bad params for updateSettings: sources\.0/,
      ],
    ];
    for (const [method, params, error] of cases) {
      const outcome = await dispatcher.dispatch(method, params);
      expect(outcome.ok, method).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(error);
    }
    expect(calls).toEqual([]);
  });

  it('passes only schema-checked params to the handler (unknown keys stripped)', async () => {
    const { dispatcher, calls } = setup();
    const outcome = await dispatcher.run('send', {
      sourceId: 's',
      text: 'hi',
      constructor: { prototype: 1 },
    });
    expect(outcome).toEqual({ ok: true, result: { ok: true, local: true } });
    expect(calls).toEqual([{ method: 'send', params: { sourceId: 's', text: 'hi' } }]);
    expect(await dispatcher.dispatch('getSettings', undefined)).toMatchObject({
      ok: true,
      result: { version: 1 },
    });
  });

  it('turns a throwing handler (async or sync) into a logged error outcome, never a rejection', async () => {
    const { dispatcher, logged } = setup();
    expect(await dispatcher.dispatch('reconnect', { sourceId: 's' })).toEqual({
      ok: false,
      refusal: 'failed',
      error: 'reconnect failed inside OnAir (see the log)',
    });
    expect(await dispatcher.run('getOverlayUrl', undefined)).toMatchObject({ refusal: 'failed' });
    expect(logged.records.map((r) => `${r.level} ${r.message}`)).toEqual([
      'error reconnect failed Error: core bug',
      'error getOverlayUrl failed TypeError: sync core bug',
    ]);
  });
});

describe('request bounds', () => {
  it('measures depth and size without recursion', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { a: nest(levels - 1) });
    expect(exceedsRequestBounds(nest(MAX_REQUEST_DEPTH))).toBeNull();
    expect(exceedsRequestBounds(nest(MAX_REQUEST_DEPTH + 1))).toMatch(/nested deeper/);
    expect(exceedsRequestBounds(deepArray(100_000))).toMatch(/nested deeper/);
    expect(exceedsRequestBounds([1, 2, 3], 16, 3)).toMatch(/more than 3 values/);
    expect(exceedsRequestBounds('x'.repeat(100))).toBeNull();
  });

  it('describes untrusted values as one short printable line', () => {
    expect(describeUntrusted('a\u0000b\r\nc\u2028')).toBe('a?b??c?');
    expect(describeUntrusted([1])).toBe('(array)');
    expect(describeUntrusted(() => 1)).toBe('(function)');
  });
});
