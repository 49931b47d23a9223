import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { createStreamlabsSource } from '../../src/main/core/providers/tips/streamlabs';
import type { StreamlabsSourceConfig } from '../../src/shared/settings';
import { startFakeStreamlabs, type FakeStreamlabs } from '../fakes/streamlabs-server';
import { startSource, type SourceHarness } from '../helpers/source-harness';

const TOKEN = 'sl-socket-token-1';
const fastBackoff = { initialMs: 5, maxMs: 20, factor: 2, jitter: 0 };

let fake: FakeStreamlabs | null = null;
let client: SourceHarness | null = null;

function config(url: string, extra: Partial<StreamlabsSourceConfig> = {}): StreamlabsSourceConfig {
  return { id: 'sl', type: 'streamlabs', enabled: true, url, showTestAlerts: false, ...extra };
}

function connect(
  server: FakeStreamlabs,
  token: string | null,
  extra: Partial<StreamlabsSourceConfig> = {},
  log = memorySink(),
): SourceHarness {
  client = startSource(
    (ctx) => createStreamlabsSource(config(server.url, extra), ctx, { token, backoff: fastBackoff }),
    { log: createLogger(log.sink, 'debug') },
  );
  return client;
}

const connected = (c: SourceHarness) => c.until('connected', () => c.source.status().state === 'connected');

describe('Streamlabs tips against the faithful Socket API fake', () => {
  afterEach(async () => {
    await client?.stop();
    await fake?.stop();
    client = null;
  });

  it('shows a donation as one donation alert with the exact amount and currency', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const c = connect(fake, TOKEN);
    await connected(c);
    const id = fake.donate({
      name: 'QuietStorm90',
      amount: '13.37',
      currency: 'USD',
      message: 'gg <b>wp</b>',
    });
    fake.donate({ name: 'Yen', amount: '1000', currency: 'JPY' });
    fake.donate({ name: 'Dime', amount: '0.30', currency: 'EUR' });
    await c.until('three alerts', () => c.of('alert').length === 3);
    const [first, second, third] = c.of('alert');
    expect(first).toMatchObject({
      alertType: 'donation',
      source: { sourceId: 'sl', provider: 'streamlabs' },
      user: { displayName: 'QuietStorm90', id: null },
      amount: { value: '13.37', currency: 'USD' },
      message: [{ type: 'text', text: 'gg <b>wp</b>' }],
      dedupeKey: `streamlabs:sl:tip:${id}`,
    });
    expect(second?.amount).toEqual({ value: '1000', currency: 'JPY' });
    expect(second?.message).toBeNull();
    // 0.1 + 0.2 style float artefacts cannot appear: the amount is the platform's decimal string.
    expect(third?.amount).toEqual({ value: '0.30', currency: 'EUR' });
  });

  it('reports a rejected token clearly and does not retry it', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const c = connect(fake, 'not-a-valid-token');
    await c.until('login-needed', () => c.source.status().state === 'login-needed');
    expect(c.source.status().error).toMatch(/refused the Socket API token/);
    await new Promise((r) => setTimeout(r, 150)); // many backoff periods
    expect(c.source.status().counters?.failures).toBe(1);
    expect(c.source.status().state).toBe('login-needed');
  });

  it('asks for a token instead of connecting without one', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const c = connect(fake, null);
    await c.until('login-needed', () => c.source.status().state === 'login-needed');
    expect(fake.connections()).toBe(0);
  });

  it('stops on a server-side disconnect (revoked token) instead of looping', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const c = connect(fake, TOKEN);
    await connected(c);
    fake.revoke(TOKEN);
    await c.until('failed', () => c.source.status().state === 'failed');
    expect(c.source.status().error).toMatch(/revoked/);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.connections()).toBe(0);
  });

  it('reconnects after a drop, shows a re-sent tip once, and says tips meanwhile may be missing', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const server = fake;
    const c = connect(server, TOKEN);
    await connected(c);
    const id = server.donate({ name: 'Ada', amount: '5.00', currency: 'USD' });
    await c.until('first alert', () => c.of('alert').length === 1);
    await server.kill();
    await server.restart();
    await c.until('reconnected', () => (c.source.status().counters?.reconnects ?? 0) >= 1);
    await c.until('socket back', () => server.connections(TOKEN) === 1);
    server.donate({ name: 'Ada', amount: '5.00', currency: 'USD', id }); // the same donation again
    server.donate({ name: 'Ada', amount: '5.00', currency: 'USD' }); // an equal but new one
    await c.until('second alert', () => c.of('alert').length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.of('alert')).toHaveLength(2);
    expect(c.source.status().counters?.duplicateTips).toBe(1);
    expect(c.of('notice').some((n) => n.code === 'tips_gap')).toBe(true);
  });

  it('shows dashboard test alerts only when opted in; merch and redemptions as notices', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const c = connect(fake, TOKEN);
    await connected(c);
    fake.donate({ name: 'Tester', amount: '1.00', currency: 'USD', isTest: true });
    fake.merch('Bob', 'Hoodie');
    fake.redemption('Eve', 'Hydrate!');
    await c.until('notices', () => c.of('notice').length === 2);
    expect(c.of('alert')).toEqual([]);
    expect(c.source.status().counters?.testAlertsIgnored).toBe(1);
    expect(c.of('notice').map((n) => n.text)).toEqual([
      'Bob bought Hoodie (Streamlabs merch)',
      'Eve redeemed Hydrate! (Streamlabs loyalty store)',
    ]);
    await c.stop();

    const opted = connect(fake, TOKEN, { showTestAlerts: true });
    await connected(opted);
    fake.donate({ name: 'Tester', amount: '1.00', currency: 'USD', isTest: true });
    await opted.until('test alert', () => opted.of('alert').length === 1);
  });

  it('drops malformed events, counts them, keeps going, and never logs the token', async () => {
    fake = await startFakeStreamlabs({ tokens: [TOKEN] });
    const log = memorySink();
    const c = connect(fake, TOKEN, {}, log);
    await connected(c);
    fake.emitRaw('just a string');
    fake.emitRaw({ type: 'donation', message: [{ id: 1, name: 'x', amount: '1e9', currency: 'USD' }] });
    fake.emitRaw({ type: 'donation', message: [{ id: 2, name: 'x', amount: '-5', currency: 'USD' }] });
    fake.emitRaw({ type: 'donation', message: [{ name: 'no id', amount: '5', currency: 'USD' }] });
    fake.emitRaw({ type: 'donation', message: { id: 3, name: 'x', amount: '5', currency: 'US Dollars' } });
    fake.emitRaw({ type: 'follow', for: 'twitch_account', message: [{ name: 'follower' }] });
    fake.donate({ name: 'After', amount: '2.50', currency: 'GBP' });
    await c.until('the good one', () => c.of('alert').length === 1);
    expect(c.of('alert')[0]?.amount).toEqual({ value: '2.50', currency: 'GBP' });
    expect(c.source.status().counters?.droppedFrames).toBe(5);
    expect(log.records.length).toBeGreaterThan(0);
    expect(log.records.map((r) => r.message).join('\n')).not.toContain(TOKEN);
  });
});
