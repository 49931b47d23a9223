import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { systemClock } from '../../src/main/core/clock';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import type { TwitchAuthService } from '../../src/main/core/providers/twitch/auth';
import { createHelixClient, HelixError, type HelixClient } from '../../src/main/core/providers/twitch/helix';
import { startFakeTwitchApi, type FakeTwitchApi, type FakeTwitchApiOptions } from '../fakes/twitch-api';
import { createLoggedInAuth } from '../fakes/twitch-api/logged-in-auth';

describe('Helix client against the fake Helix API', () => {
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;
  let helix: HelixClient;
  const logs = memorySink();
  const log = createLogger(logs.sink, 'debug');

  async function setup(options: FakeTwitchApiOptions = {}, scopes?: string[]) {
    api = await startFakeTwitchApi(options);
    ({ auth } = await createLoggedInAuth(api, { clock: systemClock, log, scopes }));
    helix = createHelixClient({ baseUrl: api.helixBase, auth, clock: systemClock, log });
  }

  const helixRequests = (path: string) => api.requests.filter((r) => r.path === `/helix${path}`);

  afterEach(async () => {
    auth.stop();
    await api.close();
  });

  it('sends Bearer + Client-Id and caches user lookups by login and id', async () => {
    await setup();
    const user = await helix.getUserByLogin('Viewer1');
    expect(user).toEqual({ id: '1003', login: 'viewer1', displayName: 'Viewer1' });
    expect(await helix.getUserByLogin('viewer1')).toEqual(user);
    expect(await helix.getUserById('1003')).toEqual(user);
    expect(helixRequests('/users')).toEqual([{ method: 'GET', path: '/helix/users', status: 200 }]);
    const many = await helix.getUsersByLogin(['viewer1', 'troll', 'nobody_here']);
    expect(many.map((u) => u.login)).toEqual(['viewer1', 'troll']);
    expect(helixRequests('/users')).toHaveLength(2);
    expect(await helix.getUserByLogin('nobody_here')).toBeNull();
  });

  it('shares one request between concurrent lookups of the same user', async () => {
    await setup();
    const [a, b] = await Promise.all([helix.getUserByLogin('troll'), helix.getUserByLogin('troll')]);
    expect(a).toEqual(b);
    expect(helixRequests('/users')).toHaveLength(1);
  });

  it('waits for the bucket to refill instead of running into 429', async () => {
    await setup({ rateLimit: { points: 3, windowMs: 1000 } });
    for (const id of ['1001', '1002', '1003']) await helix.getUserById(id);
    expect(helix.rateLimit()).toMatchObject({ limit: 3, remaining: 0 });
    const resetAt = helix.rateLimit().resetAt ?? Infinity;
    expect(await helix.getUserById('1004')).toMatchObject({ login: 'troll' });
    expect(helix.counters.rateLimitWaits).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(resetAt - 5);
    expect(api.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it('after a 429 with an empty bucket waits until Ratelimit-Reset and retries once', async () => {
    await setup({ rateLimit: { points: 50, windowMs: 1000 } });
    await helix.getUserById('1002'); // the client now believes 49 points are left
    api.helix.drainBucket('1001');
    expect(await helix.getUserById('1003')).toMatchObject({ login: 'viewer1' });
    expect(helixRequests('/users').map((r) => r.status)).toEqual([200, 429, 200]);
    expect(helix.counters.retries).toBe(1);
  });

  it('a 429 from a per-endpoint limit is reported, not retried', async () => {
    await setup();
    const announce = () =>
      helix.request({
        method: 'POST',
        path: '/chat/announcements',
        query: { broadcaster_id: '1001', moderator_id: '1001' },
        body: { message: 'hi' },
      });
    await announce();
    const error = await announce().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelixError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate-limited',
      message: 'Twitch rate limit — wait a moment.',
    });
    expect(helixRequests('/chat/announcements')).toHaveLength(2);
  });

  it('refreshes an expired token once for two concurrent calls and retries both', async () => {
    await setup();
    const before = auth.token()?.accessToken;
    api.expireAccessTokens();
    const [a, b] = await Promise.all([helix.getUserByLogin('troll'), helix.getUserByLogin('moddy')]);
    expect(a?.id).toBe('1004');
    expect(b?.id).toBe('1002');
    expect(api.refreshCount).toBe(1);
    expect(auth.token()?.accessToken).not.toBe(before);
    expect(
      helixRequests('/users')
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 200, 401, 401]);
  });

  it('gives up with "log in again" when the refresh fails too', async () => {
    await setup();
    api.revokeAll();
    const error = await helix.getUserByLogin('troll').catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: expect.stringMatching(/log in again/),
    });
    expect(auth.state().status).toBe('login-needed');
    expect(helixRequests('/users')).toHaveLength(1);
  });

  it('a missing scope is not "expired": no refresh, a clear message', async () => {
    await setup({}, ['chat:read']);
    const error = await helix
      .request({
        method: 'DELETE',
        path: '/moderation/chat',
        query: { broadcaster_id: '1001', moderator_id: '1001' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'OnAir lacks the permission "moderator:manage:chat_messages" — log in again.',
      twitchMessage: 'Missing scope: moderator:manage:chat_messages',
    });
    expect(api.refreshCount).toBe(0);
  });

  it('maps statuses to typed errors and network failures to offline', async () => {
    await setup();
    await expect(helix.request({ method: 'GET', path: '/nope' })).rejects.toMatchObject({
      status: 404,
      code: 'not-found',
    });
    const offline = createHelixClient({ baseUrl: 'http://127.0.0.1:9/helix', auth, clock: systemClock, log });
    await expect(offline.getUserByLogin('x')).rejects.toMatchObject({ status: 0, code: 'offline' });
  });

  it('sends chat messages and reports drops from HTTP 200 answers', async () => {
    await setup();
    expect(await helix.sendChatMessage('1001', 'hello chat')).toMatchObject({
      isSent: true,
      dropReason: null,
    });
    const dup = await helix.sendChatMessage('1001', 'hello chat');
    expect(dup).toMatchObject({ isSent: false, messageId: '', dropReason: { code: 'msg_duplicate' } });
  });

  it('creates EventSub subscriptions through Helix (202 → ok)', async () => {
    await setup();
    const socket = new WebSocket(api.eventSubWsUrl);
    try {
      const sessionId = await new Promise<string>((resolve, reject) => {
        socket.once('message', (data) => {
          const frame = JSON.parse(String(data)) as { payload: { session: { id: string } } };
          resolve(frame.payload.session.id);
        });
        socket.once('error', reject);
      });
      const request = {
        type: 'channel.chat.message',
        version: '1',
        condition: { broadcaster_user_id: '1001', user_id: '1001' },
        transport: { method: 'websocket' as const, session_id: sessionId },
      };
      const ok = await helix.createEventSubSubscription(request);
      expect(ok).toMatchObject({ ok: true, id: expect.any(String) });
      const bad = await helix.createEventSubSubscription({
        ...request,
        transport: { method: 'websocket', session_id: 'gone' },
      });
      expect(bad).toMatchObject({ ok: false, status: 400 });
    } finally {
      socket.close();
    }
  });
});
