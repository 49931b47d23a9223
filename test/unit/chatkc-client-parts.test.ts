import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../src/shared/api';
import { ChatKcHistory } from '../../src/main/core/providers/chatkc/chat-history';
import { parseDonation, toChatMessage } from '../../src/main/core/providers/chatkc/map-chat';
import { commandResult, RequestQueue } from '../../src/main/core/providers/chatkc/requests';
import { SendPacer } from '../../src/main/core/providers/chatkc/send-pacer';
import { FakeClock } from '../helpers/fake-clock';

const ref = { sourceId: 'chatkc:u', provider: 'chatkc', channel: 'u' } as const;
const chatData = {
  id: 0,
  author: 'Bot',
  author_id: 0,
  author_color: '',
  author_level: 1946238848,
  auth: 1946238848,
  message: 'x &amp; y',
  donate_value: '',
  reply: 0,
  time: 5,
};

describe('ChatKC client parts', () => {
  it('paces packets so no 10 consecutive ones fall within a second, dropping none', () => {
    const clock = new FakeClock();
    const sent: Array<{ text: string; at: number }> = [];
    const pacer = new SendPacer(clock, (text) => sent.push({ text, at: clock.now() }));
    for (let i = 0; i < 40; i++) pacer.push(`p${i}`);
    expect(sent.length).toBe(9);
    for (let step = 0; step < 100 && sent.length < 40; step++) clock.advance(100);
    expect(sent.map((s) => s.text)).toEqual(Array.from({ length: 40 }, (_, i) => `p${i}`));
    for (let i = 9; i < sent.length; i++) {
      expect((sent[i]?.at ?? 0) - (sent[i - 9]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    pacer.close();
    expect(clock.pending()).toBe(0);
  });

  it('de-duplicates ids and remembers the highest for the next hello', () => {
    const history = new ChatKcHistory(100, 10);
    expect(history.lastMessageId).toBe(-1);
    expect(history.remember(5, 'a', 'five')).toBe(true);
    expect(history.remember(5, 'a', 'five again')).toBe(false);
    expect(history.remember(3, 'b', 'three')).toBe(true);
    expect(history.lastMessageId).toBe(5);
    for (let id = 10; id < 300; id++) history.remember(id, 'c', `m${id}`);
    expect(history.seenBefore(10)).toBe(true);
    expect(history.parent(299)).toEqual({ author: 'c', text: 'm299' });
    expect(history.parent(10)).toBeUndefined();
  });

  it('maps an unstored bot message: local id, not targetable, garbage level → 0, default colour', () => {
    let n = 0;
    const message = toChatMessage(chatData, {
      ref,
      receivedAt: 9,
      ownName: null,
      parent: () => undefined,
      localId: () => `local-${++n}`,
    });
    expect(message).toMatchObject({
      id: 'local-1',
      targetable: false,
      text: 'x & y',
      serverTime: 5,
      receivedAt: 9,
    });
    expect(message.author).toMatchObject({ id: '0', login: 'Bot', color: null, roles: [] });
    expect(message.extras).toEqual({ chatkc: { numericId: 0, level: 0 } });
    expect(message.flags.donation).toBeUndefined();
    expect(parseDonation('2.00')).toBe('2.00');
    expect(parseDonation('-3')).toBeUndefined();
    expect(parseDonation('1e9')).toBeUndefined();
    expect(parseDonation('0.00')).toBeUndefined();
  });

  it('answers requests one at a time, in order, and times out the silent ones', async () => {
    const clock = new FakeClock();
    const sent: string[] = [];
    const queue = new RequestQueue(clock, 500, (frame) => sent.push(JSON.stringify(frame)));
    const results: ActionResult[] = [];
    const msg = (text: string) => ({ type: 'message', data: { text, reply: 0 } }) as const;
    const a = queue.submit('chat', msg('a')).then((r) => results.push(r));
    const b = queue.submit('delete', msg('!rm 7'), 7).then((r) => results.push(r));
    const c = queue.submit('command', msg('!ban X')).then((r) => results.push(r));
    expect(sent.length).toBe(1);
    queue.onServerMessage(
      'Your identical message was sent too quickly, please wait 30 seconds to send it again.',
    );
    expect(sent.length).toBe(2);
    queue.onDelete([6, 7]);
    queue.onServerMessage('1 message(s) deleted');
    expect(sent.length).toBe(2); // the !rm stays in flight until its `accepted`
    queue.onAccepted();
    expect(sent.length).toBe(3);
    clock.advance(600);
    await Promise.all([a, b, c]);
    expect(results).toEqual([
      {
        ok: false,
        code: 'rejected',
        message: 'Your identical message was sent too quickly, please wait 30 seconds to send it again.',
      },
      { ok: true, local: false },
      { ok: false, code: 'offline', message: 'ChatKC did not answer within 500 ms' },
    ]);
    expect(commandResult("You don't have permission to use this command.")).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(commandResult('Usage: ban <name> [length-of-ban]')).toMatchObject({ ok: false, code: 'rejected' });
  });
});
