import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/main/core/log/logger';
import {
  createMemorySecretStore,
  createTwitchAuthService,
  type TwitchAuthService,
} from '../../src/main/core/providers/twitch/auth';
import { createHelixClient, createTwitchModeration } from '../../src/main/core/providers/twitch/helix';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createManualClock, waitUntil } from '../fakes/twitch-api/manual-clock';

/** Records exactly what the code hands the logger — before any masking — so a leak cannot hide behind it. */
function rawLogger(lines: string[], scope = 'test'): Logger {
  const write = (message: string, detail?: unknown) => {
    let extra = '';
    if (detail instanceof Error) extra = `${detail.name} ${detail.message} ${detail.stack ?? ''}`;
    else if (detail !== undefined) extra = typeof detail === 'string' ? detail : JSON.stringify(detail);
    lines.push(`[${scope}] ${message} ${extra}`);
  };
  return {
    scope,
    debug: write,
    info: write,
    warn: write,
    error: write,
    child: (s) => rawLogger(lines, `${scope}:${s}`),
  };
}

describe('no token ever reaches a log line, an error or an auth state', () => {
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;
  afterEach(async () => {
    auth.stop();
    await api.close();
  });

  it('scans everything a full session produced for every secret the fake minted', async () => {
    const clock = createManualClock();
    api = await startFakeTwitchApi({ now: clock.now });
    const lines: string[] = [];
    const seen: unknown[] = [];
    const log = rawLogger(lines);
    auth = createTwitchAuthService({
      clientId: api.clientId,
      oauthBase: api.oauthBase,
      store: createMemorySecretStore(),
      clock,
      log,
    });
    auth.onState((s) => seen.push(s));
    await auth.init();

    const login = async (as: string) => {
      seen.push(await auth.startDeviceLogin());
      const code = auth.state().userCode ?? '';
      clock.advance(5000); // one pending poll
      await waitUntil(() => api.counters.tokenPolls > 0 && clock.pending() > 0);
      api.approveDevice(code, as);
      clock.advance(5000);
      await waitUntil(() => auth.state().status === 'logged-in');
    };
    await login('moddy');

    const helix = createHelixClient({ baseUrl: api.helixBase, auth, clock, log: log.child('helix') });
    const mod = createTwitchModeration({ helix, auth, log: log.child('moderation'), conflictRetryMs: 1 });
    const channel = { login: 'streamer' };
    const act = async (action: Parameters<typeof mod.act>[1]) => seen.push(await mod.act(channel, action));
    await act({ type: 'ban', sourceId: 's', userId: '1004', login: 'troll' });
    await act({ type: 'ban', sourceId: 's', userId: '1004', login: 'troll' }); // 400
    api.expireAccessTokens();
    await act({ type: 'unban', sourceId: 's', userId: '1004', login: 'troll' }); // 401 → refresh → retry
    api.failNext('DELETE', '/helix/moderation/chat', 409, 'Conflict');
    api.failNext('DELETE', '/helix/moderation/chat', 409, 'Conflict');
    await act({ type: 'delete', sourceId: 's', messageId: 'm' });
    await act({ type: 'mod', sourceId: 's', login: 'viewer1' }); // 401 must match
    await act({ type: 'clearChat', sourceId: 's' });
    await helix.getUserByLogin('x').catch((e: unknown) => seen.push(String(e), (e as Error).stack));
    api.expireAccessTokens();
    seen.push(await auth.validateNow());
    await auth.logout();
    await login('streamer');
    api.revokeAll();
    await act({ type: 'clearChat', sourceId: 's' }); // dead refresh → login-needed
    expect(auth.state().status).toBe('login-needed');

    const secrets = api.mintedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(8); // 2 device codes, 2 logins, refreshes
    expect(lines.length).toBeGreaterThan(10);
    const haystack = [...lines, ...seen.map((s) => JSON.stringify(s)), JSON.stringify(api.requests)].join(
      '\n',
    );
    const leaked = secrets.filter((secret) => haystack.includes(secret));
    expect(leaked).toEqual([]);
  });
});
