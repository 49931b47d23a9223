import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import {
  createMemorySecretStore,
  createTwitchAuthService,
  type TwitchAuthService,
} from '../../src/main/core/providers/twitch/auth';
import { serializeLogin } from '../../src/main/core/providers/twitch/auth/stored-login';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createManualClock, waitUntil, type ManualClock } from '../fakes/twitch-api/manual-clock';

const DAY = 86_400_000;
const THIRTY_DAYS_S = 30 * 86_400;
const LEAD = 5 * 60_000;

/** Tokens that live longer than Node's 24.8-day timer limit (some apps get 30-day `expires_in` answers). */
describe('Twitch tokens with a 30-day expiry', () => {
  let clock: ManualClock;
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;

  beforeEach(async () => {
    clock = createManualClock();
    api = await startFakeTwitchApi({ now: clock.now, accessTokenTtlSeconds: THIRTY_DAYS_S });
  });
  afterEach(async () => {
    auth?.stop();
    await api.close();
  });

  async function login(withRefreshToken: boolean): Promise<void> {
    const minted = api.mintToken('streamer');
    const token = {
      accessToken: minted.accessToken,
      userId: '',
      login: '',
      scopes: [],
      clientId: api.clientId,
    };
    const refreshToken = withRefreshToken ? minted.refreshToken : null;
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store: createMemorySecretStore(serializeLogin({ token: { ...token, expiresAt: null }, refreshToken })),
      clock,
      log: createLogger(memorySink().sink, 'debug'),
      // Daily instead of hourly keeps the walk through 30 days short; hourly validation has its own tests.
      validateIntervalMs: DAY,
    });
    await auth.init();
    expect(auth.token()?.expiresAt).toBe(clock.now() + THIRTY_DAYS_S * 1000);
  }

  const tokenRequests = (): number => api.requests.filter((r) => r.path === '/oauth2/token').length;
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

  /** Moves through whole days, letting each daily validation finish before the next one is due. */
  async function walkDays(days: number): Promise<void> {
    for (let day = 0; day < days; day++) {
      const before = api.counters.validateCount;
      clock.advance(DAY);
      await waitUntil(() => api.counters.validateCount === before + 1, 3000, `validation on day ${day}`);
      await settle();
    }
  }

  it('with a refresh token: no early refresh; one refresh 5 min before expiry', async () => {
    await login(true);
    clock.advance(10_000);
    await settle();
    expect(tokenRequests()).toBe(0);
    expect(auth.state()).toMatchObject({ status: 'logged-in' });

    await walkDays(29);
    clock.advance(DAY - LEAD - 1 - 10_000);
    await settle();
    expect(tokenRequests()).toBe(0);

    clock.advance(1);
    await waitUntil(() => tokenRequests() === 1, 3000, 'the refresh');
    await waitUntil(() => auth.token()?.expiresAt === clock.now() + THIRTY_DAYS_S * 1000);
    expect(auth.state()).toMatchObject({ status: 'logged-in', login: 'streamer' });
    clock.advance(DAY);
    await settle();
    expect(tokenRequests()).toBe(1);
  });

  it('without a refresh token: stays logged in until the token really runs out', async () => {
    await login(false);
    clock.advance(10_000);
    await settle();
    expect(auth.state()).toMatchObject({ status: 'logged-in', login: 'streamer' });

    await walkDays(29);
    expect(auth.state()).toMatchObject({ status: 'logged-in' });
    clock.advance(DAY - LEAD - 10_000);
    await waitUntil(() => auth.state().status === 'login-needed', 3000, 'login-needed');
    expect(tokenRequests()).toBe(0);
  });
});
