import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import {
  createMemorySecretStore,
  createTwitchAuthService,
  type TwitchAuthService,
} from '../../src/main/core/providers/twitch/auth';
import { TWITCH_SCOPES } from '../../src/main/core/providers/twitch/auth/scopes';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createManualClock, waitUntil, type ManualClock } from '../fakes/twitch-api/manual-clock';

describe('Twitch Device Code login against the fake OAuth server', () => {
  let clock: ManualClock;
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;
  let store: ReturnType<typeof createMemorySecretStore>;
  let expiresSeconds = 1800;

  async function setup(
    options: {
      deviceIntervalSeconds?: number;
      enforcedIntervalSeconds?: number;
      deviceExpiresSeconds?: number;
    } = {},
  ) {
    clock = createManualClock();
    expiresSeconds = options.deviceExpiresSeconds ?? 1800;
    api = await startFakeTwitchApi({ now: clock.now, ...options });
    store = createMemorySecretStore();
    const log = createLogger(memorySink().sink, 'debug');
    auth = createTwitchAuthService({ clientId: api.clientId, oauthBase: api.oauthBase, store, clock, log });
    await auth.init();
  }

  /** Fire the poll timer and wait until the client has handled the answer (next timer set, or done). */
  async function pollOnce(advanceMs: number): Promise<void> {
    const before = api.counters.tokenPolls;
    clock.advance(advanceMs);
    await waitUntil(() => api.counters.tokenPolls > before, 3000, 'a token poll');
    await waitUntil(() => clock.pending() > 0 || auth.state().status !== 'pending', 3000, 'the poll result');
  }

  async function start(): Promise<string> {
    const result = await auth.startDeviceLogin();
    expect(result).toEqual({ ok: true, local: false });
    const state = auth.state();
    expect(state.status).toBe('pending');
    expect(state.userCode).toMatch(/^[A-Z]{8}$/);
    expect(state.verificationUri).toContain(state.userCode);
    expect(state.expiresAt).toBe(clock.now() + expiresSeconds * 1000);
    return state.userCode ?? '';
  }

  beforeEach(async () => setup());
  afterEach(async () => {
    auth.stop();
    await api.close();
  });

  it('starts logged out with an empty store', () => {
    expect(auth.state()).toEqual({ provider: 'twitch', status: 'logged-out' });
    expect(auth.token()).toBeNull();
  });

  it('asks for every scope with the plural `scopes` parameter', async () => {
    const code = await start();
    api.approveDevice(code, 'streamer');
    await pollOnce(5000);
    expect(auth.token()?.scopes).toEqual([...TWITCH_SCOPES]);
  });

  it('logs in when the code was approved before the first poll', async () => {
    const states: string[] = [];
    auth.onState((s) => states.push(s.status));
    const code = await start();
    api.approveDevice(code, 'streamer');
    clock.advance(4999);
    expect(api.counters.tokenPolls).toBe(0);
    await pollOnce(1);
    await waitUntil(() => auth.state().status === 'logged-in');
    expect(auth.state()).toEqual({ provider: 'twitch', status: 'logged-in', login: 'streamer' });
    expect(auth.token()).toMatchObject({ login: 'streamer', userId: '1001', clientId: api.clientId });
    expect(store.peek()).toContain(auth.token()?.accessToken);
    expect(states).toEqual(['pending', 'logged-in']);
    expect(clock.pending()).toBeGreaterThan(0); // hourly validation + refresh timers
  });

  it('keeps polling while authorization is pending, then logs in', async () => {
    const code = await start();
    await pollOnce(5000);
    await pollOnce(5000);
    expect(auth.state().status).toBe('pending');
    api.approveDevice(code, 'moddy');
    await pollOnce(5000);
    await waitUntil(() => auth.state().status === 'logged-in');
    expect(auth.state().login).toBe('moddy');
    expect(api.counters.tokenPolls).toBe(3);
  });

  it('a new login replaces the old one and revokes it at Twitch', async () => {
    let code = await start();
    api.approveDevice(code, 'streamer');
    await pollOnce(5000);
    await waitUntil(() => auth.state().status === 'logged-in');
    const first = auth.token()!.accessToken;
    code = await start();
    api.approveDevice(code, 'moddy');
    await pollOnce(5000);
    await waitUntil(() => auth.state().login === 'moddy');
    await waitUntil(() => api.counters.revokeCount === 1, 3000, 'the old login revoked');
    expect(auth.token()?.accessToken).not.toBe(first);
    expect(store.peek()).not.toContain(first);
    // Twitch no longer accepts the replaced token.
    const check = await fetch(`${api.oauthBase}/validate`, { headers: { Authorization: `OAuth ${first}` } });
    expect(check.status).toBe(401);
  });

  it('adds 5 s to the interval after slow_down', async () => {
    await api.close();
    // The server announces 1 s but wants 5 s between polls: the second poll gets slow_down.
    await setup({ deviceIntervalSeconds: 1, enforcedIntervalSeconds: 5 });
    const code = await start();
    await pollOnce(1000); // pending
    await pollOnce(1000); // slow_down → interval 6 s
    expect(auth.state().status).toBe('pending');
    clock.advance(5999);
    await new Promise((r) => setTimeout(r, 30));
    expect(api.counters.tokenPolls).toBe(2);
    api.approveDevice(code, 'streamer');
    await pollOnce(1);
    await waitUntil(() => auth.state().status === 'logged-in');
    expect(api.counters.slowDowns).toBe(1);
  });

  it('reports an expired code and stops polling', async () => {
    const code = await start();
    api.expireDevice(code);
    await pollOnce(5000);
    expect(auth.state()).toMatchObject({ status: 'logged-out', error: expect.stringMatching(/expired/) });
    expect(clock.pending()).toBe(0);
    expect(auth.token()).toBeNull();
  });

  it('gives up locally once the code lifetime has passed', async () => {
    await api.close();
    await setup({ deviceExpiresSeconds: 20 });
    await start();
    for (let i = 0; i < 3; i++) await pollOnce(5000); // pending at 5, 10, 15 s
    clock.advance(5000); // 20 s: the code is dead; no request goes out
    await waitUntil(() => auth.state().status !== 'pending');
    expect(auth.state()).toMatchObject({ status: 'logged-out', error: expect.stringMatching(/expired/) });
    expect(api.counters.tokenPolls).toBe(3);
    expect(clock.pending()).toBe(0);
  });

  it('reports a denied login', async () => {
    const code = await start();
    api.denyDevice(code);
    await pollOnce(5000);
    expect(auth.state()).toMatchObject({ status: 'logged-out', error: expect.stringMatching(/declined/) });
    expect(clock.pending()).toBe(0);
  });

  it('cancels a pending login and stops polling', async () => {
    await start();
    const result = await auth.cancelLogin();
    expect(result.ok).toBe(true);
    expect(auth.state()).toEqual({ provider: 'twitch', status: 'logged-out' });
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(api.counters.tokenPolls).toBe(0);
  });

  it('refuses to start with a client id the server does not know', async () => {
    const other = createTwitchAuthService({
      clientId: 'someoneelse',
      oauthBase: api.oauthBase,
      store: createMemorySecretStore(),
      clock,
      log: createLogger(() => {}),
    });
    const result = await other.startDeviceLogin();
    expect(result).toMatchObject({
      ok: false,
      code: 'rejected',
      message: expect.stringContaining('invalid client'),
    });
    expect(other.state().status).toBe('logged-out');
  });

  it('answers offline when Twitch cannot be reached', async () => {
    const dead = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: 'http://127.0.0.1:9/oauth2',
      store: createMemorySecretStore(),
      clock,
      log: createLogger(() => {}),
    });
    expect(await dead.startDeviceLogin()).toMatchObject({ ok: false, code: 'offline' });
  });
});
