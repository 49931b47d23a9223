import { afterEach, describe, expect, it } from 'vitest';
import type { ActionResult } from '../../src/shared/api';
import { chats, fakeAuth, startHarness, token, until, type Harness } from './irc-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const sentPrivmsgs = (h: Harness): string[] =>
  h.fake.received.filter((line) => / PRIVMSG #chan :/.test(line));

async function loggedIn(login: string, extra: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const h = await startHarness({
    fake: { tokens: { tok: login, tok2: login }, ...extra.fake },
    config: { anonymous: false },
    deps: { auth: fakeAuth(token('tok', login), null), ...extra.deps },
    fakeServer: extra.fakeServer,
  });
  harnesses.push(h);
  await until('connected', () => h.source.status().state === 'connected');
  return h;
}

describe('sending chat over IRC', () => {
  it('logs in, sends with a client-nonce, emits its own line with the USERSTATE id; others see it', async () => {
    const h = await loggedIn('bot');
    const reader = await startHarness({ fakeServer: h.fake, config: { id: 'twitch:reader' } });
    harnesses.push(reader);
    await until('reader connected', () => reader.source.status().state === 'connected');
    expect(h.fake.received).toContain('PASS oauth:tok');
    expect(h.source.status().capabilities).toEqual(['send', 'reply']);
    expect(h.source.status().identity?.login).toBe('bot');
    const result = await h.source.send({ sourceId: 'twitch:chan', text: 'hello chat', replyTo: 'parent-1' });
    expect(result).toEqual({ ok: true, local: false });
    const line = sentPrivmsgs(h)[0];
    expect(line).toMatch(
      /^@client-nonce=[0-9a-f]{32};reply-parent-msg-id=parent-1 PRIVMSG #chan :hello chat$/,
    );
    const own = chats(h.events).find((c) => c.flags.own);
    expect(own).toMatchObject({
      text: 'hello chat',
      author: { login: 'bot' },
      reply: { parentId: 'parent-1' },
    });
    await until('reader got it', () => chats(reader.events).some((c) => c.id === own!.id));
  });

  it('splits texts over 500 characters on word boundaries', async () => {
    const h = await loggedIn('bot');
    const words = Array.from({ length: 240 }, (_, i) => `word${i}`);
    const result = await h.source.send({ sourceId: 'twitch:chan', text: words.join(' ') });
    expect(result.ok).toBe(true);
    const texts = sentPrivmsgs(h).map((line) => line.slice(line.indexOf(' :') + 2));
    expect(texts.length).toBe(4);
    for (const text of texts) expect([...text].length).toBeLessThanOrEqual(500);
    expect(texts.join(' ')).toBe(words.join(' '));
    expect(chats(h.events).filter((c) => c.flags.own)).toHaveLength(4);
  });

  it('keeps the rate limit (20 per window) by queueing, never dropping; Twitch never says msg_ratelimit', async () => {
    const windowMs = 1500;
    const h = await loggedIn('bot', { fake: { rateWindowMs: windowMs }, deps: { sendLimits: { windowMs } } });
    const started = Date.now();
    const results = Array.from({ length: 25 }, (_, i) =>
      h.source.send({ sourceId: 'twitch:chan', text: `message ${i}` }),
    );
    await until('first 20 written', () => sentPrivmsgs(h).length === 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentPrivmsgs(h)).toHaveLength(20); // the other 5 wait for the window
    const settled: ActionResult[] = await Promise.all(results);
    expect(settled.every((r) => r.ok)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(windowMs - 50);
    expect(sentPrivmsgs(h)).toHaveLength(25);
    expect(h.events.some((e) => e.kind === 'notice' && e.code === 'msg_ratelimit')).toBe(false);
  });

  it('a moderator gets the higher limit (100 per window)', async () => {
    const h = await loggedIn('modbot', { fake: { mods: ['modbot'] } });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => h.source.send({ sourceId: 'twitch:chan', text: `fast ${i}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sentPrivmsgs(h)).toHaveLength(40);
  });

  it('refuses an identical text within 30 s locally, with a clear error and a notice', async () => {
    const h = await loggedIn('bot');
    expect((await h.source.send({ sourceId: 'twitch:chan', text: 'same' })).ok).toBe(true);
    const second = await h.source.send({ sourceId: 'twitch:chan', text: 'same' });
    expect(second).toMatchObject({
      ok: false,
      code: 'rejected',
      message: expect.stringMatching(/identical/),
    });
    expect(sentPrivmsgs(h)).toHaveLength(1);
    expect(sentPrivmsgs(h)[0]).toMatch(/ :same$/); // never disguised
    expect(h.events.some((e) => e.kind === 'notice' && e.code === 'send-failed')).toBe(true);
  });

  it("reports Twitch's NOTICE refusal (slow mode) as the send result and a notice", async () => {
    const h = await loggedIn('bot');
    h.fake.setSlowMode('chan', 30);
    await until('slow mode seen', () =>
      h.events.some((e) => e.kind === 'modes' && e.modes.slowSeconds === 30),
    );
    expect((await h.source.send({ sourceId: 'twitch:chan', text: 'first' })).ok).toBe(true);
    const refused = await h.source.send({ sourceId: 'twitch:chan', text: 'second' });
    expect(refused).toMatchObject({
      ok: false,
      code: 'rate-limited',
      message: expect.stringMatching(/slow mode/),
    });
    expect(h.events.some((e) => e.kind === 'notice' && e.code === 'msg_slowmode')).toBe(true);
  });

  it('anonymous sources cannot send or moderate', async () => {
    const h = await startHarness();
    harnesses.push(h);
    expect(await h.source.send({ sourceId: 'twitch:chan', text: 'x' })).toMatchObject({
      ok: false,
      code: 'unauthorized',
    });
    expect(await h.source.act({ type: 'clearChat', sourceId: 'twitch:chan' })).toEqual({
      ok: false,
      code: 'unauthorized',
      message: 'Log in to Twitch to moderate.',
    });
  });
});

describe('login failures', () => {
  it('refresh returning null → login-needed', async () => {
    const auth = fakeAuth(token('expired', 'bot'), null);
    const h = await startHarness({
      fake: { tokens: { good: 'bot' } },
      config: { anonymous: false },
      deps: { auth },
    });
    harnesses.push(h);
    await until('login-needed', () => h.source.status().state === 'login-needed');
    expect(h.source.status().error).toBe('Twitch login expired — log in again.');
    expect(auth.refreshes).toEqual(['expired']);
  });

  it('a refreshed token logs in', async () => {
    const auth = fakeAuth(token('expired', 'bot'), token('good', 'bot'));
    const h = await startHarness({
      fake: { tokens: { good: 'bot' } },
      config: { anonymous: false },
      deps: { auth },
    });
    harnesses.push(h);
    await until('connected', () => h.source.status().state === 'connected');
    expect(auth.refreshes).toEqual(['expired']);
    expect(h.fake.received).toContain('PASS oauth:good');
  });

  it('a refreshed token that is rejected too → login-needed after exactly one refresh', async () => {
    const auth = fakeAuth(token('expired', 'bot'), token('also-bad', 'bot'));
    const h = await startHarness({
      fake: { tokens: { good: 'bot' } },
      config: { anonymous: false },
      deps: { auth },
    });
    harnesses.push(h);
    await until('login-needed', () => h.source.status().state === 'login-needed');
    expect(auth.refreshes).toEqual(['expired']);
    expect(h.fake.received.filter((l) => l.startsWith('PASS'))).toEqual([
      'PASS oauth:expired',
      'PASS oauth:also-bad',
    ]);
  });
});
