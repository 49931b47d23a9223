import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fake: FakeChatKc | null = null;
let client: ClientHarness | null = null;
let poster: ReturnType<typeof setInterval> | null = null;

describe('ChatKC lossless reconnect under fault injection', () => {
  afterEach(async () => {
    if (poster) clearInterval(poster);
    await client?.stop();
    await fake?.stop();
  });

  it('survives 100 kills and restarts mid-stream with no gap and no duplicate', async () => {
    const random = mulberry32(4242);
    fake = await startFakeChatKc({ seedHistory: [{ userId: 2, message: 'before the storm' }] });
    const server = fake;
    const harness = startChatKcClient(server.url, {
      backoff: { initialMs: 5, maxMs: 25, factor: 2, jitter: 0.3 },
      random,
    });
    client = harness;
    const connects = () => harness.source.status().counters?.connects ?? 0;
    let posted = 0;
    poster = setInterval(() => server.say('RegularUser', `message ${++posted}`), 3);
    const started = Date.now();
    for (let cycle = 1; cycle <= 100; cycle++) {
      await harness.until(
        `connection ${cycle}`,
        () => connects() >= cycle && harness.source.status().state === 'connected',
      );
      await sleep(2 + random() * 15);
      await server.kill();
      await sleep(random() * 10);
      await server.restart();
    }
    await harness.until('connection 101', () => connects() >= 101);
    clearInterval(poster);
    poster = null;
    const stored = server.messages().filter((m) => !m.dropped);
    await harness.until('every message', () => harness.chats().length >= stored.length, 5000);
    await sleep(50);
    const elapsed = Date.now() - started;

    const ids = harness.chats().map((m) => Number(m.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(stored.map((m) => m.id));
    expect(harness.chats().map((m) => m.text)).toEqual([
      'before the storm',
      ...Array.from({ length: posted }, (_, i) => `message ${i + 1}`),
    ]);
    expect(harness.source.status().reconnects).toBeGreaterThanOrEqual(100);
    // `last_message` was right every time: the server never replayed anything already shown.
    expect(harness.source.status().counters?.duplicatesDropped ?? 0).toBe(0);
    expect(harness.of('alert')).toEqual([]);
    expect(posted).toBeGreaterThan(300);
    // Measured figures for the report.
    console.info(
      `chatkc reconnect: ${posted} messages, ${harness.source.status().reconnects} reconnects, ${elapsed} ms`,
    );
    expect(harness.of('notice').filter((n) => n.code === 'history_gap')).toEqual([]);
  });

  it('says so when an outage outlasts the 50 messages the server replays', async () => {
    fake = await startFakeChatKc({ seedHistory: [{ userId: 2, message: 'before' }] });
    const server = fake;
    const harness = startChatKcClient(server.url, {
      backoff: { initialMs: 5, maxMs: 25, factor: 2, jitter: 0 },
    });
    client = harness;
    const connects = () => harness.source.status().counters?.connects ?? 0;
    // Established = the server answered `hello`, so the replay of this connection is in.
    const sessions = () => harness.source.status().counters?.sessions ?? 0;
    const outage = async (messages: number, cycle: number): Promise<void> => {
      await harness.until(`session ${cycle}`, () => sessions() >= cycle);
      await server.kill();
      for (let i = 1; i <= messages; i++) server.say('RegularUser', `outage ${cycle} message ${i}`);
      await server.restart();
      await harness.until(`connection ${cycle + 1}`, () => connects() >= cycle + 1);
    };
    const gaps = () => harness.of('notice').filter((n) => n.code === 'history_gap');

    await outage(50, 1); // exactly what the server replays: nothing lost, no warning
    await harness.until('the first replay', () => harness.chats().length === 51);
    await sleep(50);
    expect(gaps()).toEqual([]);

    await outage(60, 2); // ten more than the server replays
    await harness.until('the second replay', () => harness.chats().length === 101);
    await harness.until('the gap warning', () => gaps().length === 1);
    expect(harness.chats().at(51)?.text).toBe('outage 2 message 11');
    expect(gaps()[0]).toMatchObject({ level: 'warning', text: expect.stringMatching(/may be missing/) });
  });
});
