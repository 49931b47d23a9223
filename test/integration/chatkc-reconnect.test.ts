import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';
import { mulberry32 } from '../../src/main/core/sources/demo/prng';

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
  });
});
