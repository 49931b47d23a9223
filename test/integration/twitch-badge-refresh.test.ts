import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import { TwitchBadgeCatalogue } from '../../src/main/core/providers/twitch/badges';
import { createHelixClient, type HelixClient } from '../../src/main/core/providers/twitch/helix';
import type { Badge } from '../../src/shared/events';
import { FakeClock } from '../helpers/fake-clock';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createLoggedInAuth } from '../fakes/twitch-api/logged-in-auth';

const HOUR = 60 * 60 * 1000;

/** The catalogue against the fake Helix, on the fake clock: refresh after 24 h, retry 10 min after a failure. */
describe('badge catalogue refresh (fake Helix, fake clock)', () => {
  let api: FakeTwitchApi;
  let helix: HelixClient;
  /** The catalogue's clock; the login has its own (never advanced), so `pending()` counts only the catalogue. */
  const clock = new FakeClock();
  const authClock = new FakeClock();
  let loggedIn = true;
  const notices: string[] = [];
  let catalogue: TwitchBadgeCatalogue;
  // The catalogue's calls (the first test's token-less probe answered 401 is not one of them).
  const badgeCalls = () =>
    api.requests.filter((r) => r.path.startsWith('/helix/chat/badges') && r.status !== 401);
  /** `count` badge calls answered and processed: the next refresh is planned (one catalogue timer). */
  const settle = async (count: number) => {
    await expect.poll(() => badgeCalls().length, { timeout: 5000 }).toBe(count);
    await expect.poll(() => clock.pending(), { timeout: 5000 }).toBe(1);
  };

  beforeAll(async () => {
    api = await startFakeTwitchApi();
    api.helix.badges.useDocumentedChannelBadges('1001');
    const { auth } = await createLoggedInAuth(api, { clock: authClock, log: silentLogger });
    helix = createHelixClient({ baseUrl: api.helixBase, auth, clock: authClock, log: silentLogger });
    catalogue = new TwitchBadgeCatalogue({
      path: null,
      clock,
      log: silentLogger,
      helix: () => (loggedIn ? helix : null),
      notify: (_level, text) => notices.push(text),
    });
  });

  afterAll(async () => {
    catalogue?.stop();
    await api?.close();
  });

  it('answers 401 without a token, like Twitch', async () => {
    const response = await fetch(`${api.helixBase}/chat/badges/global`, {
      headers: { 'Client-Id': api.clientId },
    });
    expect(response.status).toBe(401);
  });

  it('fetches global and channel lists once, then again when they are a day old', async () => {
    await catalogue.refresh();
    catalogue.watchChannel('1001');
    catalogue.watchChannel('1001'); // a partial ROOMSTATE: no second fetch
    catalogue.watchChannel('not-an-id');
    await settle(2);
    const bits = (): Badge => {
      const badges: Badge[] = [{ setId: 'bits', version: '1', title: 'Bits (1)' }];
      catalogue.decorate(badges, '1001');
      return badges[0]!;
    };
    // The channel's own bits/1 (Twitch's documented example), not the global one.
    await expect.poll(() => bits().imageUrl).toContain('743a0f3b');
    expect(bits().title).toBe('cheer 1');
    clock.advance(23 * HOUR);
    expect(badgeCalls()).toHaveLength(2);
    clock.advance(HOUR);
    await settle(4);
    expect(badgeCalls().map((r) => r.path)).toEqual([
      '/helix/chat/badges/global',
      '/helix/chat/badges',
      '/helix/chat/badges/global',
      '/helix/chat/badges',
    ]);
  });

  it('a failed refresh keeps the images, says so once, and retries after 10 minutes', async () => {
    api.failNext('GET', '/helix/chat/badges/global', 500, 'Internal Server Error');
    api.failNext('GET', '/helix/chat/badges', 500, 'Internal Server Error');
    clock.advance(24 * HOUR);
    await settle(6);
    await expect.poll(() => notices.length).toBe(1);
    expect(notices[0]).toMatch(/HTTP 500.*labels until the next try/);
    const badges: Badge[] = [{ setId: 'moderator', version: '1', title: 'Moderator' }];
    catalogue.decorate(badges, '1001');
    expect(badges[0]!.imageUrl).toMatch(/^https:/); // yesterday's list still serves
    clock.advance(10 * 60 * 1000);
    await settle(8);
    expect(
      badgeCalls()
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([200, 200]);
    expect(notices).toHaveLength(1);
  });

  it('logged out: no more fetches, the lists stay', async () => {
    loggedIn = false;
    clock.advance(48 * HOUR);
    expect(clock.pending()).toBe(0); // the refresh found nobody logged in and planned nothing
    catalogue.watchChannel('1002');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(badgeCalls()).toHaveLength(8);
    const badges: Badge[] = [{ setId: 'vip', version: '1', title: 'VIP' }];
    catalogue.decorate(badges, '1002');
    expect(badges[0]!.imageUrl).toMatch(/^https:/);
  });
});
