import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import type { TwitchToken } from '../../src/main/core/providers/twitch/account';
import {
  createFileSecretStore,
  createMemorySecretStore,
  createTwitchAuthService,
  type SecretStore,
  type TwitchAuthService,
} from '../../src/main/core/providers/twitch/auth';
import { serializeLogin } from '../../src/main/core/providers/twitch/auth/stored-login';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createManualClock, waitUntil, type ManualClock } from '../fakes/twitch-api/manual-clock';

const HOUR = 3600_000;

describe('Twitch token lifecycle (validate, refresh, logout)', () => {
  let clock: ManualClock;
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;
  let logs: ReturnType<typeof memorySink>;

  beforeEach(async () => {
    clock = createManualClock();
    api = await startFakeTwitchApi({ now: clock.now, accessTokenTtlSeconds: 4 * 3600 });
    logs = memorySink();
  });
  afterEach(async () => {
    auth?.stop();
    await api.close();
  });

  /** A stored login as a previous run would have left it; init() validates it. */
  async function loginFromStore(store: SecretStore = createMemorySecretStore(), login = 'streamer') {
    const minted = api.mintToken(login);
    const token: TwitchToken = {
      accessToken: minted.accessToken,
      userId: '',
      login: '',
      scopes: [],
      clientId: api.clientId,
      expiresAt: null,
    };
    await store.save(serializeLogin({ token, refreshToken: minted.refreshToken }));
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store,
      clock,
      log: createLogger(logs.sink, 'debug'),
    });
    await auth.init();
    return { minted, store };
  }

  const tokenRequests = () => api.requests.filter((r) => r.path === '/oauth2/token').length;

  it('validates the stored login at start and fills in who it is', async () => {
    const { minted, store } = await loginFromStore();
    expect(auth.state()).toEqual({ provider: 'twitch', status: 'logged-in', login: 'streamer' });
    expect(auth.token()).toMatchObject({
      accessToken: minted.accessToken,
      login: 'streamer',
      userId: '1001',
    });
    expect(auth.token()?.expiresAt).toBe(clock.now() + 4 * HOUR);
    expect(api.counters.validateCount).toBe(1);
    expect(await store.load()).toContain('"login":"streamer"');
  });

  it('accepts /validate answering `scopes: null` for a token without scopes', async () => {
    const minted = api.mintToken('viewer1', []);
    const raw = await fetch(`${api.oauthBase}/validate`, {
      headers: { Authorization: `OAuth ${minted.accessToken}` },
    });
    expect(((await raw.json()) as { scopes: unknown }).scopes).toBeNull();
    const token: TwitchToken = {
      accessToken: minted.accessToken,
      userId: '',
      login: '',
      scopes: ['stale'],
      clientId: api.clientId,
      expiresAt: null,
    };
    const store = createMemorySecretStore(serializeLogin({ token, refreshToken: minted.refreshToken }));
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store,
      clock,
      log: createLogger(logs.sink),
    });
    await auth.init();
    expect(auth.state()).toMatchObject({ status: 'logged-in', login: 'viewer1' });
    expect(auth.token()?.scopes).toEqual([]);
  });

  it('treats a corrupt stored login as logged out and says so in the log', async () => {
    const store = createMemorySecretStore('{not json');
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store,
      clock,
      log: createLogger(logs.sink),
    });
    await auth.init();
    expect(auth.state().status).toBe('logged-out');
    expect(store.peek()).toBeNull();
    expect(logs.records.some((r) => r.level === 'warn' && /unreadable/.test(r.message))).toBe(true);
  });

  it('validates again every hour', async () => {
    await loginFromStore();
    clock.advance(HOUR - 1);
    expect(api.counters.validateCount).toBe(1);
    clock.advance(1);
    await waitUntil(() => api.counters.validateCount === 2);
    // The next hourly check is scheduled once the answer is processed (refresh + validation timers pending).
    await waitUntil(() => clock.pending() === 2, 3000, 'the next validation to be scheduled');
    clock.advance(HOUR);
    await waitUntil(() => api.counters.validateCount === 3);
    expect(auth.state().status).toBe('logged-in');
  });

  it('ends the session when the hourly validation finds the app disconnected', async () => {
    await loginFromStore();
    const changes: Array<TwitchToken | null> = [];
    auth.onChange((t) => changes.push(t));
    api.revokeAll(); // the user removed the connection on twitch.tv
    clock.advance(HOUR);
    await waitUntil(() => auth.state().status === 'login-needed');
    expect(auth.state()).toMatchObject({ login: 'streamer', error: expect.stringMatching(/log in again/) });
    expect(auth.token()).toBeNull();
    expect(changes).toEqual([null]);
    expect(clock.pending()).toBe(0); // no timers left: no loops
  });

  it('refreshes shortly before the access token expires', async () => {
    const { minted } = await loginFromStore();
    const changes: string[] = [];
    auth.onChange((t) => changes.push(t?.accessToken ?? 'null'));
    clock.advance(4 * HOUR - 5 * 60_000 - 1); // fires the 1 h validation on the way
    await waitUntil(() => api.counters.validateCount === 2 && clock.pending() === 2);
    expect(api.refreshCount).toBe(0);
    clock.advance(1);
    await waitUntil(() => api.refreshCount === 1);
    await waitUntil(() => auth.token()?.accessToken !== minted.accessToken);
    expect(changes).toEqual([auth.token()?.accessToken]);
    expect(auth.state().status).toBe('logged-in');
  });

  it('keeps a refreshed token when an hourly validation lands while the refresh is in flight', async () => {
    const store = createMemorySecretStore();
    const { minted } = await loginFromStore(store);
    const release = api.holdAnswers('/oauth2/token');
    // Fires the 1 h validation and then the refresh (its answer held by the fake, as on a slow network).
    clock.advance(4 * HOUR - 5 * 60_000);
    await waitUntil(() => api.counters.validateCount === 2);
    await waitUntil(() => clock.pending() === 2, 3000, 'the validation to be processed');
    expect(auth.token()?.accessToken).toBe(minted.accessToken);
    release();
    await waitUntil(() => api.refreshCount === 1);
    // Refresh tokens are single-use: dropping the answer would strand the login on the next refresh.
    await waitUntil(() => auth.token()?.accessToken !== minted.accessToken, 3000, 'the new token');
    const saved = JSON.parse(store.peek() ?? '{}') as { refreshToken?: string };
    expect(saved.refreshToken).toBeTruthy();
    expect(saved.refreshToken).not.toBe(minted.refreshToken);
    expect(auth.state().status).toBe('logged-in');
  });

  it('revokes a refreshed pair that arrives after a logout, and keeps the store empty', async () => {
    const store = createMemorySecretStore();
    await loginFromStore(store);
    const release = api.holdAnswers('/oauth2/token');
    clock.advance(4 * HOUR - 5 * 60_000); // validation, then the refresh (held)
    await waitUntil(() => api.counters.validateCount === 2 && clock.pending() === 2);
    await auth.logout();
    expect(api.counters.revokeCount).toBe(1);
    release();
    await waitUntil(() => api.refreshCount === 1);
    await waitUntil(() => api.counters.revokeCount === 2, 3000, 'the orphaned pair revoked');
    expect(auth.state().status).toBe('logged-out');
    expect(store.peek()).toBeNull();
  });

  it('refreshes an already expired stored token at start', async () => {
    const store = createMemorySecretStore();
    const minted = api.mintToken('streamer');
    api.expireAccessTokens();
    const token: TwitchToken = {
      accessToken: minted.accessToken,
      userId: '1001',
      login: 'streamer',
      scopes: [],
      clientId: api.clientId,
      expiresAt: null,
    };
    await store.save(serializeLogin({ token, refreshToken: minted.refreshToken }));
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store,
      clock,
      log: createLogger(logs.sink),
    });
    await auth.init();
    expect(auth.state()).toMatchObject({ status: 'logged-in', login: 'streamer' });
    expect(api.refreshCount).toBe(1);
    expect(api.counters.validateCount).toBe(2);
    expect(store.peek()).toContain(auth.token()?.accessToken);
  });

  it('two concurrent refresh calls with the failed token cause exactly one refresh', async () => {
    const { minted } = await loginFromStore();
    const [a, b] = await Promise.all([auth.refresh(minted.accessToken), auth.refresh(minted.accessToken)]);
    expect(api.refreshCount).toBe(1);
    expect(a?.accessToken).toBeDefined();
    expect(a?.accessToken).not.toBe(minted.accessToken);
    expect(b?.accessToken).toBe(a?.accessToken);
    // A late caller holding the old token just gets the current one.
    expect((await auth.refresh(minted.accessToken))?.accessToken).toBe(a?.accessToken);
    expect(api.refreshCount).toBe(1);
    expect(tokenRequests()).toBe(1);
  });

  it('persists the new token pair before the new access token is used', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-auth-'));
    const path = join(dir, 'twitch.json');
    const uses: Array<{ used: string; storedAccess: string; storedRefreshLive: boolean }> = [];
    try {
      const { minted } = await loginFromStore(createFileSecretStore(path));
      api.onTokenUse((used) => {
        if (used === minted.accessToken) return;
        const stored = JSON.parse(readFileSync(path, 'utf8')) as {
          accessToken: string;
          refreshToken: string;
        };
        uses.push({
          used,
          storedAccess: stored.accessToken,
          storedRefreshLive: api.store.refreshTokens.has(stored.refreshToken),
        });
      });
      api.expireAccessTokens();
      expect(await auth.validateNow()).toBe(true); // 401 → refresh → validate the new token
      expect(api.refreshCount).toBe(1);
      expect(uses.length).toBeGreaterThan(0);
      expect(uses[0]).toEqual({
        used: auth.token()?.accessToken,
        storedAccess: auth.token()?.accessToken,
        storedRefreshLive: true,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a dead refresh token means login-needed, once, without retry loops', async () => {
    const { minted, store } = await loginFromStore();
    api.revokeAll();
    const states: string[] = [];
    auth.onState((s) => states.push(s.status));
    expect(await auth.refresh(minted.accessToken)).toBeNull();
    expect(auth.state()).toMatchObject({
      status: 'login-needed',
      error: expect.stringMatching(/log in again/),
    });
    expect(auth.token()).toBeNull();
    expect(await store.load()).toBeNull();
    expect(await auth.refresh(minted.accessToken)).toBeNull();
    expect(tokenRequests()).toBe(1);
    expect(states).toEqual(['login-needed']);
    clock.advance(10 * HOUR);
    await new Promise((r) => setTimeout(r, 20));
    expect(tokenRequests()).toBe(1);
    expect(api.counters.validateCount).toBe(1);
  });

  it('a refresh token used twice is refused by the fake (single use)', async () => {
    const { minted } = await loginFromStore();
    const form = (refresh: string) =>
      fetch(`${api.oauthBase}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refresh,
          client_id: api.clientId,
        }),
      });
    expect((await form(minted.refreshToken)).status).toBe(200);
    const again = await form(minted.refreshToken);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ status: 400, message: 'Invalid refresh token' });
  });

  it('login-needed when the refreshed token still fails validation', async () => {
    await loginFromStore();
    api.failNext('GET', '/oauth2/validate', 401, 'invalid access token');
    api.failNext('GET', '/oauth2/validate', 401, 'invalid access token');
    expect(await auth.validateNow()).toBe(false);
    expect(api.refreshCount).toBe(1);
    expect(auth.state().status).toBe('login-needed');
    expect(auth.token()).toBeNull();
  });

  it('keeps the stored login when Twitch is unreachable at start', async () => {
    const minted = api.mintToken('streamer');
    const token: TwitchToken = {
      accessToken: minted.accessToken,
      userId: '1001',
      login: 'streamer',
      scopes: ['chat:read'],
      clientId: api.clientId,
      expiresAt: null,
    };
    const store = createMemorySecretStore(serializeLogin({ token, refreshToken: minted.refreshToken }));
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: 'http://127.0.0.1:9/oauth2',
      store,
      clock,
      log: createLogger(logs.sink),
    });
    await auth.init();
    expect(auth.state()).toMatchObject({ status: 'logged-in', login: 'streamer' });
    expect(auth.token()?.accessToken).toBe(minted.accessToken);
  });

  it('logout revokes the token, clears the store and stops the timers', async () => {
    const { minted, store } = await loginFromStore();
    const changes: Array<TwitchToken | null> = [];
    auth.onChange((t) => changes.push(t));
    await auth.logout();
    expect(api.counters.revokeCount).toBe(1);
    expect(api.store.lookup(minted.accessToken)).toBeNull();
    expect(api.store.refreshTokens.has(minted.refreshToken)).toBe(false);
    expect(await store.load()).toBeNull();
    expect(auth.state()).toEqual({ provider: 'twitch', status: 'logged-out' });
    expect(auth.token()).toBeNull();
    expect(changes).toEqual([null]);
    expect(clock.pending()).toBe(0);
  });

  it('stop() leaves no timers behind', async () => {
    await loginFromStore();
    expect(clock.pending()).toBeGreaterThan(0);
    auth.stop();
    expect(clock.pending()).toBe(0);
  });
});
