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

/** A failed call as the sentence the card shows behind "unavailable". */
function reasonOf(error: unknown): string {
  if (!(error instanceof HelixError)) return 'Twitch did not answer as expected.';
  const scope = error.missingScope;
  if (scope) return `The login lacks the ${scope} permission: log out and in again.`;
  return `${error.message} (HTTP ${error.status || 'none'})`;
}

async function fact<T>(get: () => Promise<T>): Promise<Fact<T>> {
  try {
    return { state: 'ok', value: await get() };
  } catch (error) {
    return { state: 'unavailable', reason: reasonOf(error) };
  }
}

export interface UserFactsQuery {
  userId: string;
  /** The channel's login (the broadcaster). */
  channel: string;
}

/**
 * Account age (GET /users), follow age (GET /channels/followers, `moderator:read:followers`) and subscription
 * (GET /subscriptions, broadcaster only) of one chatter, per docs/protocol-twitch.md §3.3. Each fact fails on
 * its own; answers are cached for USER_FACTS_TTL_MS on the injected clock.
 */
export class UserFactsCache {
  private readonly cache = new Map<string, { at: number; facts: Promise<TwitchUserFacts> }>();

  constructor(
    private readonly helix: HelixClient,
    private readonly clock: Clock,
    private readonly tokenUserId: () => string | null,
  ) {}

  facts(query: UserFactsQuery): Promise<TwitchUserFacts> {
    const self = this.tokenUserId();
    const key = `${self ?? ''}\u0000${query.channel}\u0000${query.userId}`;
    const now = this.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < USER_FACTS_TTL_MS) return hit.facts;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    const facts = this.fetch(query, self);
    this.cache.set(key, { at: now, facts });
    return facts;
  }

  private async fetch(query: UserFactsQuery, self: string | null): Promise<TwitchUserFacts> {
    const account = fact(() => this.account(query.userId));
    const broadcaster = await this.helix.getUserByLogin(query.channel).catch(() => null);
    const noChannel: Fact<never> = {
      state: 'unavailable',
      reason: `Twitch did not find the channel ${query.channel}.`,
    };
    if (!broadcaster) return { account: await account, follow: noChannel, subscription: noChannel };
    const follow = fact(() => this.follow(broadcaster.id, query.userId));
    const subscription: Promise<Fact<{ tier: string; gifted: boolean } | null>> =
      self === broadcaster.id
        ? fact(() => this.subscription(broadcaster.id, query.userId))
        : Promise.resolve({
            state: 'unavailable',
            reason: 'Twitch tells subscriptions only to the broadcaster; see the chat badge.',
          });
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
    const r = await this.helix.request<{ data?: unknown }>({
      method: 'GET',
      path: '/channels/followers',
      query: { broadcaster_id: broadcasterId, user_id: userId },
    });
    // Without the scope (or as a non-moderator) Twitch answers 200 with only `total`: not "not following".
    if (!Array.isArray(r.data?.data))
      throw new HelixError(403, 'forbidden', 'Twitch shows follows only to moderators.', 'no data');
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
