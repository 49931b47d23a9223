import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../helpers/fake-clock';
import { chats, privmsgFor, startHarness, until, type Harness } from './irc-harness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

const state = (h: Harness): string => h.source.status().state;

describe('Twitch IRC source against the fake server', () => {
  it('logs in anonymously, joins, and maps a multi-line frame', async () => {
    harness = await startHarness();
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    expect(h.fake.received.slice(0, 3)).toEqual([
      'CAP REQ :twitch.tv/tags twitch.tv/commands twitch.tv/membership',
      'PASS SCHMOOPIIE',
      expect.stringMatching(/^NICK justinfan\d+$/),
    ]);
    expect(h.fake.received).toContain('JOIN #chan');
    expect(h.source.status()).toMatchObject({ label: 'Twitch #chan', capabilities: [] });
    h.fake.inject('chan', [
      privmsgFor('m1', 'hello'),
      '@login=u;target-msg-id=m1 :tmi.twitch.tv CLEARMSG #chan :hello',
      '@ban-duration=5;target-user-id=2 :tmi.twitch.tv CLEARCHAT #chan :u',
    ]);
    await until('3 events', () => h.events.filter((e) => e.kind === 'removal').length === 2);
    expect(chats(h.events).map((c) => c.text)).toEqual(['hello']);
    expect(h.events.find((e) => e.kind === 'modes')).toBeDefined();
    expect(h.source.status().lastMessageAt).not.toBeNull();
  });

  it('recovers from a dropped connection', async () => {
    harness = await startHarness();
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    h.fake.dropAll();
    await until('reconnected', () => h.source.status().reconnects >= 1 && state(h) === 'connected');
    h.fake.inject('chan', privmsgFor('after-drop', 'back'));
    await until('chat after drop', () => chats(h.events).some((c) => c.id === 'after-drop'));
    // Twitch does not replay the outage: the mod window is told how long chat was not received.
    const gaps = h.events.filter((e) => e.kind === 'notice' && e.code === 'chat_gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      level: 'warning',
      text: expect.stringMatching(/^Reconnected to #chan after \d+ s offline/),
    });
  });

  it('detects an unanswered PING and reconnects', async () => {
    harness = await startHarness({ deps: { pingIntervalMs: 150, pongTimeoutMs: 150 } });
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    h.fake.setSilent(true);
    await until('liveness failure noticed', () => state(h) === 'reconnecting', 3000);
    h.fake.setSilent(false);
    await until('reconnected', () => state(h) === 'connected' && h.source.status().reconnects >= 1, 5000);
    expect(h.fake.received.some((line) => line.startsWith('PING :onair-'))).toBe(true);
    h.fake.inject('chan', privmsgFor('after-ping', 'alive'));
    await until('chat after ping recovery', () => chats(h.events).some((c) => c.id === 'after-ping'));
  });

  it('answers server PINGs', async () => {
    harness = await startHarness({ fake: { pingIntervalMs: 100, pongTimeoutMs: 500 } });
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    await until('PONG sent', () => h.fake.received.includes('PONG :tmi.twitch.tv'));
    expect(state(h)).toBe('connected');
  });

  it('loses and duplicates nothing across a RECONNECT under a steady replay', async () => {
    harness = await startHarness({ fake: { reconnectGraceMs: 600 } });
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    const lines = Array.from({ length: 600 }, (_, i) => privmsgFor(`seq-${i}`, `line ${i}`));
    const replay = h.fake.replay(lines, 300, 'chan');
    await until('some lines in', () => chats(h.events).length > 150);
    h.fake.sendReconnect();
    await until(
      'second login and join',
      () => h.fake.received.filter((l) => l === 'JOIN #chan').length === 2,
      3000,
    );
    await replay;
    await until('all lines', () => chats(h.events).length >= 600, 5000);
    await until('old connection closed', () => h.fake.connections() === 1, 3000);
    const ids = chats(h.events).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(lines.map((_, i) => `seq-${i}`));
    expect(h.source.status().reconnects).toBe(1);
    expect(h.source.status().state).toBe('connected');
    // Make-before-break loses nothing, so there is no gap to report.
    expect(h.events.filter((e) => e.kind === 'notice' && e.code === 'chat_gap')).toEqual([]);
  });

  it('drops a line delivered twice (same id), as during a RECONNECT overlap', async () => {
    harness = await startHarness();
    const h = harness;
    await until('connected', () => state(h) === 'connected');
    h.fake.inject('chan', [privmsgFor('dup', 'once'), privmsgFor('dup', 'once'), privmsgFor('other', 'two')]);
    await until('two chats', () => chats(h.events).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chats(h.events).map((c) => c.id)).toEqual(['dup', 'other']);
    expect(h.source.status().counters?.duplicates).toBe(1);
  });

  it('keeps the JOIN limit across reconnects', async () => {
    const clock = new FakeClock();
    harness = await startHarness({ clock, deps: { joinLimit: { count: 1, windowMs: 700 } } });
    const h = harness;
    const joins = () => h.fake.received.filter((l) => l === 'JOIN #chan').length;
    const logins = () => h.fake.received.filter((l) => l.startsWith('NICK ')).length;
    await until('connected', () => state(h) === 'connected');
    const firstJoinAt = clock.now();
    h.fake.dropAll();
    await until('drop noticed', () => state(h) === 'reconnecting');
    clock.advance(100); // the retry (50 ms ± 10 %) fires
    await until('logged in again', () => logins() === 2);
    // The clock stands still: the second JOIN must wait for it, however long we wait here.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(joins()).toBe(1);
    clock.advance(firstJoinAt + 699 - clock.now());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(joins()).toBe(1);
    clock.advance(1);
    await until('rejoined', () => joins() === 2);
  });

  it('reports a join failure as a notice and a failed state', async () => {
    harness = await startHarness({ config: { id: 'twitch:s', channel: 'suspendedchan' } });
    const h = harness;
    await until('failed', () => state(h) === 'failed');
    expect(h.source.status().error).toMatch(/suspended/);
    expect(h.events.some((e) => e.kind === 'notice' && e.code === 'msg_channel_suspended')).toBe(true);
  });
});
