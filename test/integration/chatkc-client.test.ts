import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';
import { FakeClock } from '../helpers/fake-clock';
import type { Clock } from '../../src/main/core/clock';

const open: Array<{ stop(): Promise<void> }> = [];
async function server(options: Parameters<typeof startFakeChatKc>[0] = {}): Promise<FakeChatKc> {
  const fake = await startFakeChatKc(options);
  open.push(fake);
  return fake;
}
function client(url: string, token: string | null, clock?: Clock): ClientHarness {
  const harness = startChatKcClient(url, { token, ackTimeoutMs: 3000 }, clock);
  open.unshift(harness);
  return harness;
}

describe('ChatKC client against the fake server', () => {
  afterEach(async () => {
    for (const item of open.splice(0)) await item.stop();
  });

  it('alerts live donations but not donations replayed as history on the first connection', async () => {
    const fake = await server({ seedHistory: [{ userId: 2, message: 'old gift', donate: '5.00' }] });
    const c = client(fake.url, null);
    await c.until('history', () => c.chats().length === 1);
    expect(c.chats()[0]?.flags.donation).toEqual({ value: '5.00', currency: 'USD' });
    await c.until('presence', () => c.of('presence').length > 0);
    fake.say('RegularUser', 'take my <money>', { donate: '2.50' });
    await c.until('live chat', () => c.chats().length === 2);
    expect(c.chats()[1]?.flags.donation).toEqual({ value: '2.50', currency: 'USD' });
    await c.until('alert', () => c.of('alert').length === 1);
    expect(c.of('alert')[0]).toMatchObject({
      alertType: 'donation',
      amount: { value: '2.50', currency: 'USD' },
      user: { id: '2', login: 'RegularUser' },
      message: [{ type: 'text', text: 'take my <money>' }],
    });
  });

  it('sends with replies, knows the parent, and keeps under the 10-packets-per-second limit without losing any', async () => {
    // Client and server share one fake clock: the server's flood rule (the 10th packet within a second is
    // discarded) judges the pacing by the same time the pacer uses, however slowly the machine delivers.
    const clock = new FakeClock();
    const fake = await server({ now: () => clock.now() });
    const admin = client(fake.url, 'tok-admin', clock);
    await admin.until('admin', () => admin.source.status().capabilities.includes('send'));
    const parentId = fake.say('RegularUser', 'parent text');
    await admin.until('parent', () => admin.chats().length === 1);
    const reply = await admin.source.send({
      sourceId: 'chatkc:test',
      text: 'the reply',
      replyTo: String(parentId),
    });
    expect(reply).toEqual({ ok: true, local: false });
    await admin.until('reply shown', () => admin.chats().length === 2);
    expect(admin.chats()[1]?.reply).toEqual({
      parentId: String(parentId),
      parentAuthor: 'RegularUser',
      parentText: 'parent text',
    });
    const started = clock.now();
    let answered = 0;
    const sending = Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        admin.source.send({ sourceId: 'chatkc:test', text: `burst ${i}` }).then((result) => {
          answered += 1;
          return result;
        }),
      ),
    );
    const stored = () => fake.messages().filter((m) => m.message.startsWith('burst')).length;
    // hello, status, getuserconf and the reply went out at +0: 5 more fit in that second, then 9 per 1.05 s.
    const schedule: Array<[number, number]> = [
      [0, 5],
      [1050, 14],
      [2100, 23],
      [3150, 24],
    ];
    for (const [at, count] of schedule) {
      clock.advance(started + at - clock.now());
      await admin.until(`${count} lines at +${at} ms`, () => stored() === count && answered === count);
    }
    const results = await sending;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(stored()).toBe(24);
  });

  it('times out a request the server never answers', async () => {
    const fake = await server();
    const user = startChatKcClient(fake.url, { token: 'tok-user', ackTimeoutMs: 200 });
    open.unshift(user);
    await user.until('user', () => user.source.status().capabilities.includes('send'));
    // A command line with nothing after the `!` gets no answer at all from the server.
    const result = await user.source.send({ sourceId: 'chatkc:test', text: '! ' });
    expect(result).toMatchObject({ ok: false, code: 'offline' });
    expect(await user.source.send({ sourceId: 'chatkc:test', text: 'after the silence' })).toEqual({
      ok: true,
      local: false,
    });
  });
  it('says sent only after the server published the message: word filter and length limit are refusals', async () => {
    const fake = await server({ bannedWords: ['badword'] });
    const user = client(fake.url, 'tok-user');
    await user.until('user', () => user.source.status().capabilities.includes('send'));
    const send = (text: string) => user.source.send({ sourceId: 'chatkc:test', text });
    // The reference server answers `accepted` to both, and publishes neither.
    expect(await send('this has a badword in it')).toEqual({
      ok: false,
      code: 'rejected',
      message: 'ChatKC took the message but did not publish it (its word filter dropped it).',
    });
    const storedBefore = fake.messages().length;
    expect(await send('x'.repeat(501))).toEqual({
      ok: false,
      code: 'too-large',
      message: 'Not sent: ChatKC takes at most 500 characters, this has 501.',
    });
    expect(fake.messages().length).toBe(storedBefore);
    // 500 UTF-16 units is the server's own limit: 250 astral characters are 500 units.
    expect(await send('x'.repeat(500))).toEqual({ ok: true, local: false });
    expect(await send('🎉'.repeat(251))).toMatchObject({ ok: false, code: 'too-large' });
    expect(fake.messages().at(-1)?.message).toBe('x'.repeat(500));
  });
});
