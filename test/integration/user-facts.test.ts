import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink, silentLogger } from '../../src/main/core/log/logger';
import type { TwitchAuthService } from '../../src/main/core/providers/twitch/auth';
import {
  createHelixClient,
  USER_FACTS_TTL_MS,
  UserFactsCache,
} from '../../src/main/core/providers/twitch/helix';
import { openHistoryStore } from '../../src/main/core/storage/db/open-history';
import { DEFAULT_RETENTION } from '../../src/main/core/storage/db/history-types';
import { createCardHandlers, type CardHandlers } from '../../src/main/core/user-card/card-handlers';
import { ModLogArchive } from '../../src/main/core/user-card/mod-log-archive';
import type { TwitchUserFacts } from '../../src/shared/user-card-types';
import { FakeClock } from '../helpers/fake-clock';
import { ALL_SCOPES, startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createLoggedInAuth } from '../fakes/twitch-api/logged-in-auth';

/**
 * The user card's Twitch facts against the fake Helix (docs/protocol-twitch.md §3.3): the real auth, Helix
 * client, UserFactsCache and `userCard` handler, time on one fake clock shared with the fake API.
 */
describe('user card facts from Helix', () => {
  let api: FakeTwitchApi;
  let auth: TwitchAuthService;
  let clock: FakeClock;
  const log = createLogger(memorySink().sink, 'debug');

  afterEach(async () => {
    auth?.stop();
    await api?.close();
  });

  async function setup(login: string, scopes: string[] = ALL_SCOPES): Promise<CardHandlers> {
    clock = new FakeClock();
    api = await startFakeTwitchApi({ now: () => clock.now() });
    ({ auth } = await createLoggedInAuth(api, { login, scopes, clock, log }));
    const helix = createHelixClient({ baseUrl: api.helixBase, auth, clock, log });
    const facts = new UserFactsCache(helix, clock, () => auth.token()?.userId ?? null);
    const history = await openHistoryStore({
      dataDir: '/nonexistent',
      enabled: false,
      policy: DEFAULT_RETENTION,
      clock,
      log: silentLogger,
    });
    return createCardHandlers({
      history,
      modlog: new ModLogArchive(),
      clock,
      sourceRef: (sourceId) => ({ sourceId, provider: 'twitch', channel: 'streamer' }),
      twitchFacts: (channel, userId) => facts.facts({ channel, userId }),
    });
  }

  const id = (login: string) => api.store.userByLogin(login).id;
  const helixCalls = (path: string) => api.requests.filter((r) => r.path === `/helix${path}`);
  const card = async (h: CardHandlers, login = 'viewer1'): Promise<TwitchUserFacts> => {
    const info = await h.userCard({ sourceId: 'tw', userId: id(login), login });
    if (!info.twitch) throw new Error('no Twitch facts');
    return info.twitch;
  };

  it('the broadcaster sees account age, follow age and the subscription with its gift', async () => {
    const h = await setup('streamer');
    api.store.usersById.get(id('viewer1'))!.createdAt = '2019-03-04T05:06:07Z';
    api.helix.viewers.follow(id('streamer'), id('viewer1'), '2022-01-02T03:04:05Z');
    api.helix.viewers.subscribe(id('streamer'), id('viewer1'), { tier: '2000', gifterId: id('moddy') });
    const facts = await card(h);
    expect(facts.account).toMatchObject({
      state: 'ok',
      value: { createdAt: Date.parse('2019-03-04T05:06:07Z') },
    });
    expect((facts.account as { value: { avatarUrl: string } }).value.avatarUrl).toMatch(/^https:\/\//);
    expect(facts.follow).toEqual({ state: 'ok', value: { followedAt: Date.parse('2022-01-02T03:04:05Z') } });
    expect(facts.subscription).toEqual({ state: 'ok', value: { tier: '2000', gifted: true } });
  });

  it('says "not following" and "not subscribed" only when Twitch answered so', async () => {
    const h = await setup('streamer');
    const facts = await card(h, 'troll');
    expect(facts.follow).toEqual({ state: 'ok', value: null });
    expect(facts.subscription).toEqual({ state: 'ok', value: null });
  });

  it('a moderator gets the follow, but no subscription call (the card uses the chat badge)', async () => {
    const h = await setup('moddy');
    api.helix.viewers.follow(id('streamer'), id('viewer1'), '2023-01-01T00:00:00Z');
    const facts = await card(h);
    expect(facts.follow).toMatchObject({ state: 'ok' });
    expect(facts.subscription).toEqual({
      state: 'unavailable',
      reason: 'Twitch tells subscriptions only to the broadcaster; see the chat badge.',
    });
    expect(helixCalls('/subscriptions')).toHaveLength(0);
  });

  it('a viewer who is not a moderator is told follows are for moderators, the account age still shows', async () => {
    const h = await setup('viewer1');
    const facts = await card(h, 'troll');
    expect(facts.account).toMatchObject({ state: 'ok' });
    expect(facts.follow).toEqual({
      state: 'unavailable',
      reason: 'Twitch shows follows only to the broadcaster and moderators.',
    });
    expect(helixCalls('/channels/followers')).toEqual([
      { method: 'GET', path: '/helix/channels/followers', status: 401 },
    ]);
  });

  it('a login without the follower scope says which permission is missing', async () => {
    const h = await setup(
      'streamer',
      ALL_SCOPES.filter((s) => s !== 'moderator:read:followers'),
    );
    const facts = await card(h);
    expect(facts.follow).toEqual({
      state: 'unavailable',
      reason: 'The login lacks the moderator:read:followers permission: log out and in again.',
    });
    expect(facts.account).toMatchObject({ state: 'ok' });
    expect(facts.subscription).toMatchObject({ state: 'ok' });
  });

  it('a 500 on one fact shows that fact unavailable with the reason, the rest still shows', async () => {
    const h = await setup('streamer');
    api.failNext('GET', '/helix/subscriptions', 500, 'Internal Server Error');
    const facts = await card(h);
    expect(facts.subscription).toEqual({
      state: 'unavailable',
      reason: 'Twitch had a problem (HTTP 500) — try again.',
    });
    expect(facts.account).toMatchObject({ state: 'ok' });
    expect(facts.follow).toMatchObject({ state: 'ok' });
    // Not cached: the next card asks again and gets the answer.
    expect((await card(h)).subscription).toEqual({ state: 'ok', value: null });
  });

  it('a fact Twitch does not answer gives up on the fake clock; the others are shown', async () => {
    const h = await setup('streamer');
    await card(h, 'moddy'); // warms the broadcaster lookup: only the held call is outstanding below
    const release = api.holdAnswers('/helix/channels/followers');
    let done = false;
    const pending = card(h).finally(() => (done = true));
    // Real time for the sockets: the other facts are answered, the follow stays held, the clock stands still.
    await until(() => helixCalls('/subscriptions').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    clock.advance(2_999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    clock.advance(1);
    const facts = await pending;
    expect(facts.follow).toEqual({ state: 'unavailable', reason: 'Twitch did not answer within 3 s.' });
    expect(facts.account).toMatchObject({ state: 'ok' });
    expect(facts.subscription).toMatchObject({ state: 'ok' });
    release();
  });

  it('caches the answers for 5 minutes of the fake clock, then asks again', async () => {
    const h = await setup('streamer');
    await card(h);
    const calls = () => helixCalls('/channels/followers').length + helixCalls('/subscriptions').length;
    expect(calls()).toBe(2);
    const users = helixCalls('/users').length;
    clock.advance(USER_FACTS_TTL_MS - 1);
    await card(h);
    expect(calls()).toBe(2);
    expect(helixCalls('/users')).toHaveLength(users);
    clock.advance(1);
    await card(h);
    expect(calls()).toBe(4);
  });
});

async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
