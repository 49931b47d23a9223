import type { Fact, TwitchUserFacts } from '../../../../../shared/user-card-types';
import type { Clock } from '../../../clock';
import type { HelixClient } from './helix-client';
import { HelixError } from './helix-error';

/** Helix answers for a card are kept this long per (token user, channel, user): reopening a card is free. */
export const USER_FACTS_TTL_MS = 5 * 60_000;
const MAX_CACHED = 500;

type Raw = Record<string, unknown>;

const firstRow = (body: { data?: unknown } | null): Raw | null => {
  const rows = body?.data;
  return Array.isArray(rows) && rows[0] && typeof rows[0] === 'object' ? (rows[0] as Raw) : null;
};

const timeOf = (value: unknown): number | null => {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(at) ? at : null;
};

const FOLLOWS_MODS_ONLY = 'Twitch shows follows only to the broadcaster and moderators.';

/** A failed call as the sentence the card shows behind "unavailable". */
function reasonOf(error: unknown): string {
  if (!(error instanceof HelixError)) return 'Twitch did not answer as expected.';
  const scope = error.missingScope;
  if (scope) return `The login lacks the ${scope} permission: log out and in again.`;
  if (error.message === FOLLOWS_MODS_ONLY) return FOLLOWS_MODS_ONLY;
  if (error.status === 0 || error.message.includes(`HTTP ${error.status}`)) return error.message;
  return `${error.message} (HTTP ${error.status})`;
}

/** One fact, given up after `timeoutMs` on the clock so a slow call never holds up the others. */
function fact<T>(get: () => Promise<T>, clock: Clock, timeoutMs: number): Promise<Fact<T>> {
  return new Promise((resolve) => {
    const settle = (answer: Fact<T>): void => {
      clock.clearTimeout(timer);
      resolve(answer);
    };
    const timer = clock.setTimeout(
      () => settle({ state: 'unavailable', reason: `Twitch did not answer within ${timeoutMs / 1000} s.` }),
      timeoutMs,
    );
    get().then(
      (value) => settle({ state: 'ok', value }),
      (error: unknown) => settle({ state: 'unavailable', reason: reasonOf(error) }),
    );
  });
}

export interface UserFactsQuery {
  userId: string;
  /** The channel's login (the broadcaster). */
  channel: string;
}

/** Below the card's own wait (card-handlers `factsTimeoutMs`, 4 s), so one slow fact leaves the rest shown. */
export const FACT_TIMEOUT_MS = 3_000;
const SUBS_BROADCASTER_ONLY = 'Twitch tells subscriptions only to the broadcaster; see the chat badge.';

/**
 * Account age (GET /users), follow age (GET /channels/followers, `moderator:read:followers`) and subscription
 * (GET /subscriptions, broadcaster only) of one chatter, per docs/protocol-twitch.md §3.3. Each fact fails on
 * its own; complete answers are cached for USER_FACTS_TTL_MS on the injected clock, a failed fact is asked
 * again by the next card.
 */
export class UserFactsCache {
  private readonly cache = new Map<string, { at: number; facts: Promise<TwitchUserFacts> }>();

  constructor(
    private readonly helix: HelixClient,
    private readonly clock: Clock,
    private readonly tokenUserId: () => string | null,
    private readonly factTimeoutMs = FACT_TIMEOUT_MS,
  ) {}

  facts(query: UserFactsQuery): Promise<TwitchUserFacts> {
    const self = this.tokenUserId();
    const key = `${self ?? ''}\u0000${query.channel}\u0000${query.userId}`;
    const now = this.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < USER_FACTS_TTL_MS) return hit.facts;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    const entry = { at: now, facts: this.fetch(query, self) };
    this.cache.set(key, entry);
    void entry.facts.then((facts) => {
      if (!complete(facts) && this.cache.get(key) === entry) this.cache.delete(key);
    });
    return entry.facts;
  }

  private async fetch(query: UserFactsQuery, self: string | null): Promise<TwitchUserFacts> {
    const ask = <T>(get: () => Promise<T>) => fact(get, this.clock, this.factTimeoutMs);
    const account = ask(() => this.account(query.userId));
    const broadcaster = await this.helix.getUserByLogin(query.channel).catch(() => null);
    const noChannel: Fact<never> = {
      state: 'unavailable',
      reason: `Twitch did not find the channel ${query.channel}.`,
    };
    if (!broadcaster) return { account: await account, follow: noChannel, subscription: noChannel };
    const follow = ask(() => this.follow(broadcaster.id, query.userId));
    const subscription: Promise<Fact<{ tier: string; gifted: boolean } | null>> =
      self === broadcaster.id
        ? ask(() => this.subscription(broadcaster.id, query.userId))
        : Promise.resolve({ state: 'unavailable', reason: SUBS_BROADCASTER_ONLY });
    return { account: await account, follow: await follow, subscription: await subscription };
  }

  private async account(userId: string): Promise<{ createdAt: number; avatarUrl: string | null }> {
    const r = await this.helix.request<{ data?: unknown }>({
      method: 'GET',
      path: '/users',
      query: { id: userId },
    });
    const row = firstRow(r.data);
    const createdAt = timeOf(row?.created_at);
    if (createdAt === null) throw new HelixError(404, 'not-found', 'Twitch has no such user.', 'no user');
    const avatar = row?.profile_image_url;
    const avatarUrl = typeof avatar === 'string' && avatar.startsWith('https://') ? avatar : null;
    return { createdAt, avatarUrl };
  }

  private async follow(broadcasterId: string, userId: string): Promise<{ followedAt: number } | null> {
    const notModerator = new HelixError(403, 'forbidden', FOLLOWS_MODS_ONLY, 'no data');
    const r = await this.helix
      .request<{ data?: unknown }>({
        method: 'GET',
        path: '/channels/followers',
        query: { broadcaster_id: broadcasterId, user_id: userId },
      })
      .catch((error: unknown) => {
        // A 401 that is neither a missing scope nor a dead token: the login is not a moderator there.
        const refused =
          error instanceof HelixError && error.status === 401 && /must match/i.test(error.twitchMessage);
        throw refused ? notModerator : error;
      });
    // Only `total` (no list) means "not allowed to see", never "not following" (§3.3).
    if (!Array.isArray(r.data?.data)) throw notModerator;
    const followedAt = timeOf(firstRow(r.data)?.followed_at);
    return followedAt === null ? null : { followedAt };
  }

  private async subscription(
    broadcasterId: string,
    userId: string,
  ): Promise<{ tier: string; gifted: boolean } | null> {
    const r = await this.helix.request<{ data?: unknown }>({
      method: 'GET',
      path: '/subscriptions',
      query: { broadcaster_id: broadcasterId, user_id: userId },
    });
    const row = firstRow(r.data);
    if (!row || typeof row.tier !== 'string') return null;
    return { tier: row.tier, gifted: row.is_gift === true };
  }
}

/** Every fact answered (or refused by Twitch's rules, which a retry would not change). */
function complete(facts: TwitchUserFacts): boolean {
  const settled = (f: Fact<unknown>) =>
    f.state === 'ok' || f.reason === SUBS_BROADCASTER_ONLY || f.reason === FOLLOWS_MODS_ONLY;
  return settled(facts.account) && settled(facts.follow) && settled(facts.subscription);
}
