import { describe, expect, it } from 'vitest';
import type { ActionResult, ModAction } from '../../src/shared/api';
import type { ModLogEntry } from '../../src/shared/events';
import { defaultSettings } from '../../src/shared/settings';
import { createHandlers } from '../../src/main/core/handlers';
import { SourceManager } from '../../src/main/core/source-manager';
import { silentLogger } from '../../src/main/core/log/logger';
import { StatusReporter } from '../../src/main/core/net/status-reporter';
import type { ChatSource } from '../../src/main/core/providers/source';
import { FakeClock } from '../helpers/fake-clock';
import { ref } from '../helpers/events';

/** A minimal real source: refuses bans, accepts deletes (what a read-only + delete-capable source does). */
function scriptedSource(clock: FakeClock): ChatSource {
  const reporter = new StatusReporter(ref, 'test', () => {}, clock, { capabilities: ['delete'] });
  reporter.setIdentity({ login: 'modder', displayName: 'Modder' });
  return {
    ref,
    start: () => reporter.setState('connected'),
    stop: async () => reporter.setState('stopped'),
    status: () => reporter.get(),
    reconnect: () => {},
    send: async () => ({ ok: true, local: false }),
    act: async (action: ModAction): Promise<ActionResult> =>
      action.type === 'delete'
        ? { ok: true, local: false }
        : { ok: false, code: 'forbidden', message: 'Your level does not allow bans.' },
  };
}

async function setup() {
  const clock = new FakeClock();
  const entries: ModLogEntry[] = [];
  const sources = new SourceManager({
    factory: () => scriptedSource(clock),
    emit: () => {},
    clock,
    log: silentLogger,
  });
  await sources.sync(
    [{ id: 'src', type: 'demo', enabled: true, rate: 1, seed: 1, alertEverySeconds: 0 }],
    defaultSettings().endpoints,
  );
  const handlers = createHandlers({
    sources,
    log: silentLogger,
    now: () => clock.now(),
    getSettings: () => defaultSettings(),
    browserSourceUrl: () => null,
    updateSettings: async () => ({ ok: true, settings: defaultSettings() }),
    alertControl: () => ({ ok: true, local: true }),
    setSourceToken: async () => ({ ok: true, local: true }),
    recordModeration: async (entry) => {
      entries.push(entry);
    },
    keepOffStream: (sourceId) =>
      sourceId === 'src'
        ? { ok: true, local: true, detail: 'kept off stream' }
        : { ok: false, code: 'not-found', message: 'no' },
    twitch: {
      login: async () => ({ ok: true, local: true }),
      cancel: async () => ({ ok: true, local: true }),
      logout: async () => ({ ok: true, local: true }),
    },
  });
  return { handlers, entries };
}

describe('console handlers', () => {
  it('writes every action and its result to the moderation log', async () => {
    const { handlers, entries } = await setup();
    expect(await handlers.act({ type: 'delete', sourceId: 'src', messageId: 'm1' })).toEqual({
      ok: true,
      local: false,
    });
    const refused = await handlers.act({
      type: 'ban',
      sourceId: 'src',
      userId: '9',
      login: 'troll',
      reason: 'spam',
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(entries).toMatchObject([
      { action: 'delete', target: 'message m1', result: 'ok', actor: 'modder' },
      {
        action: 'ban',
        target: 'troll',
        detail: 'spam',
        result: 'error',
        error: 'Your level does not allow bans.',
      },
    ]);
  });

  it('answers an unknown source with a clear error instead of throwing', async () => {
    const { handlers, entries } = await setup();
    const result = await handlers.act({ type: 'delete', sourceId: 'nope', messageId: 'x' });
    expect(result).toEqual({ ok: false, code: 'not-found', message: 'No running source "nope".' });
    expect(entries[0]).toMatchObject({ result: 'error' });
    expect(await handlers.send({ sourceId: 'nope', text: 'hi' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});

describe('keepOffStream', () => {
  it('answers what the core did and logs it as an OnAir-only action', async () => {
    const { handlers, entries } = await setup();
    expect(await handlers.keepOffStream({ sourceId: 'src', messageId: 'm9' })).toEqual({
      ok: true,
      local: true,
      detail: 'kept off stream',
    });
    expect(entries.at(-1)).toMatchObject({ action: 'keepOffStream', target: 'message m9', result: 'local' });
    expect((await handlers.keepOffStream({ sourceId: 'nope', messageId: 'm9' })).ok).toBe(false);
    expect(entries.at(-1)).toMatchObject({ action: 'keepOffStream', result: 'error' });
  });
});
