import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import { silentLogger } from '../../src/main/core/log/logger';
import { ChatKcHistory } from '../../src/main/core/providers/chatkc/chat-history';
import { ChatKcReceiver, type ReceiverConnection } from '../../src/main/core/providers/chatkc/receiver';
import { RequestQueue } from '../../src/main/core/providers/chatkc/requests';
import { StatusReporter } from '../../src/main/core/net/status-reporter';
import { serverFrame } from '../fakes/chatkc/qt-json';
import { FakeClock } from '../helpers/fake-clock';

const ref = { sourceId: 'chatkc:r', provider: 'chatkc', channel: 'r' } as const;

function setup(hasToken = true) {
  const clock = new FakeClock();
  const events: OnAirEvent[] = [];
  const reporter = new StatusReporter(ref, 'ChatKC r', (e) => events.push(e), clock);
  const receiver = new ChatKcReceiver({
    ref,
    clock,
    log: silentLogger,
    emit: (e) => events.push(e),
    reporter,
    history: new ChatKcHistory(),
    hasToken,
  });
  const connect = (): ReceiverConnection => ({
    requests: new RequestQueue(clock, 1000, () => {}),
    replaying: true,
    presenceStarted: false,
  });
  const chat = (id: number, time: number, donate = '') =>
    serverFrame('chat', {
      id,
      time,
      author: 'Fan',
      author_id: 7,
      author_color: '',
      author_level: 0,
      auth: 0,
      message: 'hi',
      donate_value: donate,
      reply: 0,
    });
  const join = (name: string) => serverFrame('join', { name });
  return { clock, events, reporter, receiver, connect, chat, join };
}

describe('ChatKC receiver', () => {
  it('alerts live donations and recent ones missed during an outage, never the first history replay', () => {
    const { clock, events, receiver, connect, chat, join } = setup();
    const alerts = () =>
      events.filter((e) => e.kind === 'alert').map((e) => (e.kind === 'alert' ? e.id : ''));
    const first = connect();
    receiver.handleRaw(chat(1, clock.now(), '3.00'), first);
    receiver.handleRaw(join('Bot'), first);
    expect(alerts()).toEqual([]);
    receiver.handleRaw(chat(2, clock.now(), '4.00'), first);
    expect(alerts()).toEqual(['chatkc:r:donation:2']);
    clock.advance(10 * 60_000);
    const second = connect();
    receiver.handleRaw(chat(3, clock.now() - 9 * 60_000, '5.00'), second);
    receiver.handleRaw(chat(4, clock.now() - 1000, '6.00'), second);
    receiver.handleRaw(chat(2, clock.now(), '4.00'), second);
    receiver.handleRaw(join('Bot'), second);
    expect(alerts()).toEqual(['chatkc:r:donation:2', 'chatkc:r:donation:4']);
    expect(events.filter((e) => e.kind === 'chat').map((e) => (e.kind === 'chat' ? e.id : ''))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    const presence = events.filter((e) => e.kind === 'presence');
    expect(presence).toHaveLength(2);
    expect(presence.every((p) => p.kind === 'presence' && p.reset === true)).toBe(true);
  });

  it('tracks level, name and status into capabilities and identity', () => {
    const { events, reporter, receiver, connect } = setup();
    const c = connect();
    receiver.handleRaw(serverFrame('status', { status: 'authenticated' }), c);
    receiver.handleRaw(serverFrame('authlevel', { value: 50 }), c);
    receiver.handleRaw(serverFrame('getuserconf', { name: 'ModUser', color: '0000FF' }), c);
    expect(reporter.get().capabilities).toEqual(['send', 'reply', 'userConf', 'delete']);
    expect(reporter.get().identity).toEqual({
      login: 'ModUser',
      displayName: 'ModUser',
      color: '#0000FF',
      level: 50,
    });
    receiver.handleRaw(serverFrame('authlevel', { value: 1946238848 }), c);
    expect(reporter.get().capabilities).toEqual(['send', 'reply', 'userConf']);
    receiver.handleRaw(serverFrame('status', { status: 'authenticated' }), c);
    expect(events.filter((e) => e.kind === 'notice')).toHaveLength(1);
    receiver.handleRaw(serverFrame('servermsg', { message: 'a<br>b &amp; <i>c</i>' }), c);
    expect(events.at(-1)).toMatchObject({ kind: 'notice', text: 'a\nb & c', code: 'servermsg' });
  });

  it('has no capabilities without a token whatever the server says', () => {
    const { reporter, receiver, connect } = setup(false);
    receiver.handleRaw(serverFrame('authlevel', { value: 100 }), connect());
    expect(reporter.get().capabilities).toEqual([]);
  });
});
