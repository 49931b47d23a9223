import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { createStreamElementsSource } from '../../src/main/core/providers/tips/streamelements';
import { startFakeStreamElements, type FakeStreamElements } from '../fakes/streamelements-server';
import { startSource, type SourceHarness } from '../helpers/source-harness';

const JWT = 'se-jwt-1';
const CHANNEL = '5ad23dcc18fff500d78c5348';
const fastBackoff = { initialMs: 5, maxMs: 20, factor: 2, jitter: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fake: FakeStreamElements | null = null;
let client: SourceHarness | null = null;

function connect(
  server: FakeStreamElements,
  token: string | null,
  options: { keepAliveTimeoutMs?: number; log?: ReturnType<typeof memorySink> } = {},
): SourceHarness {
  const log = options.log ?? memorySink();
  client = startSource(
    (ctx) =>
      createStreamElementsSource(
        { id: 'se', type: 'streamelements', enabled: true, url: server.url, apiUrl: server.apiUrl },
        ctx,
        { token, backoff: fastBackoff, keepAliveTimeoutMs: options.keepAliveTimeoutMs },
      ),
    { log: createLogger(log.sink, 'debug') },
  );
  return client;
}

const subscribed = (c: SourceHarness, server: FakeStreamElements, count = 1) =>
  c.until('subscribed', () => c.source.status().state === 'connected' && server.subscribers() === count);

describe('StreamElements tips against the faithful Astro gateway + REST fake', () => {
  afterEach(async () => {
    await client?.stop();
    await fake?.stop();
    client = null;
  });

  it('subscribes to channel.tips and shows a tip as one alert with the exact amount and currency', async () => {
    fake = await startFakeStreamElements({ tokens: { [JWT]: CHANNEL } });
    const c = connect(fake, JWT);
    await subscribed(c, fake);
    const doc = fake.tip({ username: 'Styler', amount: 4.2, currency: 'USD', message: 'hi <i>there</i>' });
    fake.tip({ username: 'Big', amount: 1234567.89, currency: 'EUR' });
    await c.until('two alerts', () => c.of('alert').length === 2);
    expect(c.of('alert')[0]).toMatchObject({
      alertType: 'donation',
      source: { sourceId: 'se', provider: 'streamelements' },
      user: { displayName: 'Styler' },
      amount: { value: '4.2', currency: 'USD' },
      message: [{ type: 'text', text: 'hi <i>there</i>' }],
      serverTime: Date.parse(doc.createdAt),
      dedupeKey: `streamelements:se:tip:${doc._id}`,
    });
    expect(c.of('alert')[1]?.amount).toEqual({ value: '1234567.89', currency: 'EUR' });
  });

  it('reports an invalid JWT clearly, once, without a reconnect loop', async () => {
    fake = await startFakeStreamElements({ tokens: { [JWT]: CHANNEL } });
    const c = connect(fake, 'expired.jwt.token');
    await c.until('login-needed', () => c.source.status().state === 'login-needed');
    expect(c.source.status().error).toMatch(/rejected the JWT \(err_unauthorized: invalid token\)/);
    await sleep(150);
    expect(fake.subscribeRequests()).toBe(1);
    expect(c.source.status().state).toBe('login-needed');
  });

  it('answers the keep-alive pings, and drops a gateway that stops sending them', async () => {
    fake = await startFakeStreamElements({
      tokens: { [JWT]: CHANNEL },
      pingIntervalMs: 20,
      pongTimeoutMs: 100,
    });
    const server = fake;
    const c = connect(server, JWT, { keepAliveTimeoutMs: 150 });
    await subscribed(c, server);
    await sleep(400); // 20 pings: the gateway would have dropped a client that never answered
    expect(c.source.status().counters?.connects).toBe(1);
    server.stopPinging();
    await c.until('reconnect after silence', () => (c.source.status().counters?.reconnects ?? 0) >= 1, 3000);
    expect(server.subscribeRequests()).toBeGreaterThanOrEqual(2); // resubscribed on the new socket
  });

  it('after an outage: resubscribes, recovers the tip sent meanwhile over REST, shows nothing twice', async () => {
    fake = await startFakeStreamElements({ tokens: { [JWT]: CHANNEL } });
    const server = fake;
    const c = connect(server, JWT);
    await subscribed(c, server);
    server.tip({ username: 'Before', amount: 5, currency: 'USD' });
    await c.until('first alert', () => c.of('alert').length === 1);
    await server.kill();
    const missed = server.tip({
      username: 'During',
      amount: 7.5,
      currency: 'GBP',
      message: 'while you were away',
    });
    server.tip({ username: 'Held', amount: 100, currency: 'USD', approved: 'pending' });
    await sleep(30);
    await server.restart();
    await c.until('recovered', () => c.of('alert').length === 2);
    expect(server.subscribeRequests()).toBe(2);
    const recovery = server.restRequests().find((path) => path.startsWith(`/kappa/v2/tips/${CHANNEL}?`));
    expect(recovery).toMatch(/sort=-createdAt/);
    expect(c.of('alert')[1]).toMatchObject({
      user: { displayName: 'During' },
      amount: { value: '7.5', currency: 'GBP' },
      dedupeKey: `streamelements:se:tip:${missed._id}`,
    });
    server.tip({ username: 'After', amount: 1, currency: 'USD' });
    await c.until('live again', () => c.of('alert').length === 3);
    await sleep(50);
    expect(c.of('alert').map((a) => a.user.displayName)).toEqual(['Before', 'During', 'After']);
    expect(c.source.status().counters?.duplicateTips).toBe(1); // "Before" came back over REST
    expect(c.source.status().counters?.tipsRecovered).toBe(1);
    expect(c.source.status().counters?.tipsNotShown).toBe(1); // the one held for moderation
  });

  it('moves to a new socket when the gateway announces a shutdown, without a gap or a duplicate', async () => {
    fake = await startFakeStreamElements({ tokens: { [JWT]: CHANNEL } });
    const server = fake;
    const c = connect(server, JWT);
    await subscribed(c, server);
    server.shutDownGracefully(300);
    await c.until('replaced', () => c.source.status().counters?.replacements === 1);
    server.tip({ username: 'Mid', amount: 3, currency: 'CAD' }); // both sockets are subscribed now
    await c.until('alert', () => c.of('alert').length === 1);
    await sleep(400);
    expect(c.of('alert')).toHaveLength(1);
    expect(c.source.status().state).toBe('connected');
    expect(server.subscribers()).toBe(1);
  });

  it('drops malformed frames and tips, counts them, keeps going, never logs the JWT', async () => {
    fake = await startFakeStreamElements({ tokens: { [JWT]: CHANNEL } });
    const log = memorySink();
    const c = connect(fake, JWT, { log });
    await subscribed(c, fake);
    const bad = (data: unknown) =>
      JSON.stringify({ id: 'x', ts: 'x', type: 'message', topic: 'channel.tips', room: CHANNEL, data });
    fake.sendRaw('{not json');
    fake.sendRaw(JSON.stringify({ type: 'surprise' }));
    fake.sendRaw(bad({ _id: 'a1', donation: { amount: 'NaN', currency: 'USD', user: { username: 'x' } } }));
    fake.sendRaw(bad({ _id: 'a2', donation: { amount: 5, currency: 'dollars', user: { username: 'x' } } }));
    fake.sendRaw(bad({ donation: { amount: 5, currency: 'USD' } }));
    fake.sendRaw(bad(null));
    fake.tip({ username: 'Fine', amount: 2, currency: 'USD' });
    await c.until('the good tip', () => c.of('alert').length === 1);
    expect(c.source.status().counters?.droppedFrames).toBe(6);
    expect(log.records.map((r) => r.message).join('\n')).not.toContain(JWT);
  });
});
