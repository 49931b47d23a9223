import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, ChatMessage, OnAirEvent, Removal, SourceStatus } from '../../src/shared/events';
import type { DemoSourceConfig } from '../../src/shared/settings';
import type { Clock } from '../../src/main/core/clock';
import { silentLogger } from '../../src/main/core/log/logger';
import { createDemoSource } from '../../src/main/core/providers/demo';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';
import { parseDemoText } from '../../src/main/core/providers/demo/message-parts';

const fakeClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle);
  },
};

const endpoints = {
  twitchIrc: 'ws://127.0.0.1:1',
  twitchEventSub: 'ws://127.0.0.1:1',
  twitchHelix: 'http://127.0.0.1:1',
  twitchOAuth: 'http://127.0.0.1:1',
  bttvApi: 'http://127.0.0.1:1',
  ffzApi: 'http://127.0.0.1:1',
  seventvApi: 'http://127.0.0.1:1',
  seventvEvents: 'ws://127.0.0.1:1',
};

function config(patch: Partial<DemoSourceConfig> = {}): DemoSourceConfig {
  return { id: 'demo', type: 'demo', enabled: true, rate: 2, seed: 42, alertEverySeconds: 20, ...patch };
}

function startDemo(patch: Partial<DemoSourceConfig> = {}, random?: () => number) {
  const events: OnAirEvent[] = [];
  const source = createDemoSource(
    config(patch),
    { emit: (event) => events.push(event), log: silentLogger, clock: fakeClock, endpoints },
    random ? { random } : {},
  );
  source.start();
  return { source, events };
}

const chats = (events: OnAirEvent[]): ChatMessage[] =>
  events.filter((e): e is ChatMessage => e.kind === 'chat');
const alerts = (events: OnAirEvent[]): Alert[] => events.filter((e): e is Alert => e.kind === 'alert');
const removals = (events: OnAirEvent[]): Removal[] =>
  events.filter((e): e is Removal => e.kind === 'removal');

describe('demo source', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T20:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('reports a connected demo status with its capabilities', async () => {
    const { source, events } = startDemo();
    const status = source.status();
    expect(source.ref).toEqual({ sourceId: 'demo', provider: 'demo', channel: 'demo' });
    expect(status).toMatchObject({ state: 'connected', demo: true, label: 'Demo chat (not a real chat)' });
    expect(status.capabilities).toEqual(['send', 'reply', 'delete', 'timeout', 'ban', 'unban']);
    expect(status.identity).toMatchObject({ login: 'you_demo', displayName: 'You (demo)' });
    expect(events.some((e) => e.kind === 'status' && e.state === 'connected')).toBe(true);
    await source.stop();
    expect(source.status().state).toBe('stopped');
  });

  it('emits chat at roughly the configured rate with unique ids and clock times', async () => {
    const { source, events } = startDemo({ rate: 5 });
    await vi.advanceTimersByTimeAsync(60_000);
    const messages = chats(events);
    expect(messages.length).toBeGreaterThan(240);
    expect(messages.length).toBeLessThan(360);
    const ids = events.flatMap((e) => ('id' in e && typeof e.id === 'string' ? [e.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^demo-\d+$/.test(id))).toBe(true);
    const start = new Date('2026-01-01T20:00:00Z').getTime();
    for (const m of messages) {
      expect(m.receivedAt).toBeGreaterThanOrEqual(m.serverTime);
      expect(m.serverTime).toBeGreaterThanOrEqual(start);
      expect(m.parts.map((p) => p.text).join('')).toBe(m.text);
    }
    await source.stop();
  });

  it('keeps up with 200 messages per second using batched ticks', async () => {
    const scheduled = vi.spyOn(fakeClock, 'setTimeout');
    const { source, events } = startDemo({ rate: 200, alertEverySeconds: 0 });
    await vi.advanceTimersByTimeAsync(5_000);
    const count = chats(events).length;
    expect(count).toBeGreaterThan(850);
    expect(count).toBeLessThan(1150);
    // At most one timer per 50 ms tick, not one per message.
    expect(scheduled.mock.calls.length).toBeLessThanOrEqual(5_000 / 50 + 2);
    scheduled.mockRestore();
    await source.stop();
  });

  it('produces realistic variety: emotes, mentions, replies, actions, first and returning chatters', async () => {
    const { source, events } = startDemo({ rate: 20, alertEverySeconds: 0 });
    await vi.advanceTimersByTimeAsync(120_000);
    const messages = chats(events);
    const parts = messages.flatMap((m) => m.parts);
    const emote = parts.find((p) => p.type === 'emote');
    expect(emote && emote.type === 'emote' && emote.url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(parts.some((p) => p.type === 'mention')).toBe(true);
    expect(parts.some((p) => p.type === 'link')).toBe(true);
    expect(messages.some((m) => m.flags.action)).toBe(true);
    expect(messages.some((m) => m.flags.firstMessage)).toBe(true);
    expect(messages.some((m) => m.flags.returningChatter)).toBe(true);
    expect(messages.some((m) => m.flags.highlighted)).toBe(true);
    expect(messages.some((m) => m.text.length > 200)).toBe(true);
    expect(messages.some((m) => m.author.color === null)).toBe(true);
    expect(messages.some((m) => /[\uac00-\ud7af\u3040-\u30ff]/.test(m.author.displayName))).toBe(true);
    const roles = new Set(messages.flatMap((m) => m.author.roles));
    for (const role of ['moderator', 'vip', 'subscriber', 'founder'] as const)
      expect(roles.has(role)).toBe(true);
    const subBadge = messages.flatMap((m) => m.author.badges).find((b) => b.setId === 'subscriber');
    expect(subBadge?.info).toMatch(/^\d+$/);
    const ids = new Set(messages.map((m) => m.id));
    const replies = messages.filter((m) => m.reply);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(ids.has(r.reply?.parentId ?? '')).toBe(true);
    // Mods remove some spam; those removals are confirmed by the "service".
    const removed = removals(events);
    expect(removed.some((r) => r.reason === 'delete' && r.confirmed)).toBe(true);
    const timeout = removed.find((r) => r.reason === 'timeout');
    expect(timeout).toMatchObject({
      confirmed: true,
      target: { type: 'user' },
      durationSeconds: expect.any(Number),
    });
    await source.stop();
  });

  it('after the process slept, catches up at most a few seconds of chat', async () => {
    const { source, events } = startDemo({ rate: 10, alertEverySeconds: 0 });
    await vi.advanceTimersByTimeAsync(1_000);
    const before = chats(events).length;
    // The machine sleeps an hour: wall time jumps, timers fire late.
    vi.setSystemTime(Date.now() + 3_600_000);
    await vi.advanceTimersByTimeAsync(100);
    const burst = chats(events).length - before;
    expect(burst).toBeGreaterThan(10);
    expect(burst).toBeLessThan(100);
    await source.stop();
  });

  it('emits every alert type with the fields the Alert contract promises', async () => {
    const { source, events } = startDemo({ rate: 1, alertEverySeconds: 2 });
    await vi.advanceTimersByTimeAsync(600_000);
    const byType = new Map(alerts(events).map((a) => [a.alertType, a]));
    expect([...byType.keys()].sort()).toEqual(
      ['announcement', 'cheer', 'donation', 'follow', 'giftsub', 'raid', 'redemption', 'resub', 'sub'].sort(),
    );
    expect(byType.get('donation')?.amount).toMatchObject({
      currency: expect.any(String),
      value: expect.stringMatching(/^\d+(\.\d+)?$/),
    });
    expect(byType.get('cheer')?.bits).toBeGreaterThan(0);
    expect(byType.get('cheer')?.message?.some((p) => p.type === 'cheer')).toBe(true);
    expect(byType.get('resub')?.months).toBeGreaterThan(1);
    expect(byType.get('raid')?.count).toBeGreaterThan(0);
    expect(byType.get('redemption')?.title).toBeTruthy();
    for (const gift of alerts(events).filter((a) => a.alertType === 'giftsub')) {
      expect(gift.count).toBeGreaterThanOrEqual(5);
      expect(gift.count).toBeLessThanOrEqual(50);
    }
    // A cheer also appears in chat, with the bits flagged.
    expect(
      chats(events).some((m) => (m.flags.bits ?? 0) > 0 && m.parts.some((p) => p.type === 'cheer')),
    ).toBe(true);
    await source.stop();
  });

  it('emits no alerts when alertEverySeconds is 0', async () => {
    const { source, events } = startDemo({ alertEverySeconds: 0 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(alerts(events)).toHaveLength(0);
    await source.stop();
  });

  it('replays the same events for the same seed and clock, and differs for another seed', async () => {
    const run = async (seed: number) => {
      vi.setSystemTime(new Date('2026-01-01T20:00:00Z'));
      const { source, events } = startDemo({ seed, rate: 10, alertEverySeconds: 3 });
      await vi.advanceTimersByTimeAsync(30_000);
      await source.stop();
      return JSON.stringify(events);
    };
    const first = await run(7);
    expect(await run(7)).toBe(first);
    expect(await run(8)).not.toBe(first);
  });

  it('uses an injected random function over the seed', async () => {
    const run = async () => {
      vi.setSystemTime(new Date('2026-01-01T20:00:00Z'));
      const { source, events } = startDemo({ seed: 0 }, mulberry32(99));
      await vi.advanceTimersByTimeAsync(10_000);
      await source.stop();
      return JSON.stringify(chats(events).map((m) => m.text));
    };
    expect(await run()).toBe(await run());
  });

  it('stop() clears every timer', async () => {
    const { source, events } = startDemo({ rate: 50 });
    await vi.advanceTimersByTimeAsync(2_000);
    await source.stop();
    const count = events.length;
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events.length).toBe(count);
  });

  it('moderates locally: unconfirmed removals and an honest result', async () => {
    const { source, events } = startDemo({ rate: 5 });
    await vi.advanceTimersByTimeAsync(5_000);
    const target = chats(events)[0];
    if (!target) throw new Error('no chat');
    const deleted = await source.act({ type: 'delete', sourceId: 'demo', messageId: target.id });
    expect(deleted).toEqual({ ok: true, local: true, detail: 'Demo chat: removed in OnAir only' });
    expect(events.at(-1)).toMatchObject({
      kind: 'removal',
      target: { type: 'message', messageId: target.id },
      reason: 'delete',
      confirmed: false,
    });
    const { id: userId, login } = target.author;
    await source.act({ type: 'ban', sourceId: 'demo', userId, login });
    expect(events.at(-1)).toMatchObject({ kind: 'removal', target: { type: 'user', userId }, reason: 'ban' });
    // A banned viewer stops chatting.
    const before = events.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(chats(events.slice(before)).some((m) => m.author.id === userId)).toBe(false);
    const timeout = await source.act({ type: 'timeout', sourceId: 'demo', userId, login, seconds: 60 });
    expect(timeout).toMatchObject({ ok: true, local: true });
    expect(events.at(-1)).toMatchObject({ reason: 'timeout', durationSeconds: 60, confirmed: false });
    expect(await source.act({ type: 'unban', sourceId: 'demo', userId, login })).toMatchObject({
      ok: true,
      local: true,
    });
    const warn = await source.act({ type: 'warn', sourceId: 'demo', userId, login, reason: 'be nice' });
    expect(warn).toMatchObject({ ok: false, code: 'unsupported' });
    await source.stop();
  });

  it('sends the streamer’s own messages and replies locally', async () => {
    const { source, events } = startDemo({ rate: 5 });
    await vi.advanceTimersByTimeAsync(3_000);
    const parent = chats(events)[0];
    if (!parent) throw new Error('no chat');
    expect(await source.send({ sourceId: 'demo', text: 'hello chat onairWave' })).toEqual({
      ok: true,
      local: true,
    });
    const own = chats(events).at(-1);
    expect(own?.flags.own).toBe(true);
    expect(own?.author.displayName).toBe('You (demo)');
    expect(own?.parts.some((p) => p.type === 'emote')).toBe(true);
    await source.send({ sourceId: 'demo', text: 'thanks!', replyTo: parent.id });
    expect(chats(events).at(-1)?.reply).toMatchObject({ parentId: parent.id, parentText: parent.text });
    expect(await source.send({ sourceId: 'demo', text: 'x', replyTo: 'nope' })).toMatchObject({ ok: false });
    await source.send({ sourceId: 'demo', text: '/me waves' });
    expect(chats(events).at(-1)).toMatchObject({ text: 'waves', flags: { action: true, own: true } });
    await source.stop();
  });

  it('reconnect() re-emits the status without changing it', () => {
    const { source, events } = startDemo();
    const count = events.length;
    source.reconnect();
    expect(events.length).toBe(count + 1);
    expect((events.at(-1) as SourceStatus).state).toBe('connected');
    void source.stop();
  });
});

describe('mulberry32', () => {
  it('is reproducible per seed and spreads over [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(draws);
    expect(mulberry32(124)()).not.toBe(draws[0]);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('parseDemoText', () => {
  it('splits emotes, mentions, links and cheers and keeps the text intact', () => {
    const text = '@PixelPirate, look onairPog https://example.com/a Cheer100 ok';
    const parts = parseDemoText(text);
    expect(parts.map((p) => p.type)).toEqual([
      'mention',
      'text',
      'emote',
      'text',
      'link',
      'text',
      'cheer',
      'text',
    ]);
    expect(parts[0]).toEqual({ type: 'mention', text: '@PixelPirate', login: 'pixelpirate' });
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.find((p) => p.type === 'cheer')).toMatchObject({ bits: 100, prefix: 'Cheer' });
  });
});
