import { sendJson } from './http-util';
import { fail, requireScope, type HelixContext, type HelixHandler } from './helix-context';
import type { FakeUser } from './state';

export interface FakeSubscription {
  tier: '1000' | '2000' | '3000';
  /** Set when the subscription is a gift (user id of the gifter). */
  gifterId?: string;
}

/**
 * Who follows and who subscribes to which channel, for the user card's facts (docs/protocol-twitch.md §3.3).
 * Keyed by broadcaster id, then user id; follows keep their ISO `followed_at`.
 */
export class FakeViewerFacts {
  readonly follows = new Map<string, Map<string, string>>();
  readonly subscriptions = new Map<string, Map<string, FakeSubscription>>();

  follow(broadcasterId: string, userId: string, followedAt: string): void {
    const channel = this.follows.get(broadcasterId) ?? new Map<string, string>();
    channel.set(userId, followedAt);
    this.follows.set(broadcasterId, channel);
  }

  subscribe(broadcasterId: string, userId: string, sub: FakeSubscription): void {
    const channel = this.subscriptions.get(broadcasterId) ?? new Map<string, FakeSubscription>();
    channel.set(userId, sub);
    this.subscriptions.set(broadcasterId, channel);
  }
}

const FOLLOWERS_SCOPE = 'moderator:read:followers';

function broadcasterOf(ctx: HelixContext): FakeUser | null {
  const id = ctx.query.get('broadcaster_id');
  if (!id) return fail(ctx, 400, 'Missing required parameter "broadcaster_id"');
  return ctx.store.usersById.get(id) ?? fail(ctx, 400, 'The ID in broadcaster_id is not valid.');
}

/**
 * GET /channels/followers: the list only for a token with `moderator:read:followers` whose user is the
 * broadcaster or one of their moderators; anyone else gets only `total`, and 401 when asking about a `user_id`.
 */
function getFollowers(ctx: HelixContext, facts: FakeViewerFacts): void {
  const broadcaster = broadcasterOf(ctx);
  if (!broadcaster) return;
  const userIds = ctx.query.getAll('user_id');
  const hasScope = ctx.token.scopes.includes(FOLLOWERS_SCOPE);
  const trusted = hasScope && ctx.store.isModerator(broadcaster.id, ctx.token.userId);
  if (userIds.length > 0 && !hasScope) return void fail(ctx, 401, `Missing scope: ${FOLLOWERS_SCOPE}`);
  if (userIds.length > 0 && !trusted) {
    return void fail(
      ctx,
      401,
      'When user_id param is provided, user_id must match the User ID in the access token, and the access token must have the scope moderator:read:followers',
    );
  }
  const channel = facts.follows.get(broadcaster.id) ?? new Map<string, string>();
  const rows = trusted
    ? [...channel]
        .filter(([userId]) => userIds.length === 0 || userIds.includes(userId))
        .sort((a, b) => Date.parse(b[1]) - Date.parse(a[1]))
        .slice(0, 100)
        .map(([userId, followedAt]) => {
          const user = ctx.store.usersById.get(userId);
          const login = user?.login ?? userId;
          return {
            user_id: userId,
            user_login: login,
            user_name: user?.displayName ?? login,
            followed_at: followedAt,
          };
        })
    : [];
  sendJson(ctx.res, 200, { total: channel.size, data: rows, pagination: {} });
}

/** GET /subscriptions: the broadcaster's own token with `channel:read:subscriptions`, nobody else. */
function getSubscriptions(ctx: HelixContext, facts: FakeViewerFacts): void {
  if (!requireScope(ctx, 'channel:read:subscriptions')) return;
  const broadcaster = broadcasterOf(ctx);
  if (!broadcaster) return;
  if (broadcaster.id !== ctx.token.userId) {
    return void fail(
      ctx,
      401,
      "The ID in broadcaster_id must match the user ID found in the request's OAuth token.",
    );
  }
  const userIds = ctx.query.getAll('user_id');
  if (userIds.length > 100) return void fail(ctx, 400, 'The request exceeds the maximum of 100 user_id.');
  const channel = facts.subscriptions.get(broadcaster.id) ?? new Map<string, FakeSubscription>();
  const named = (id: string | undefined) => (id ? ctx.store.usersById.get(id) : undefined);
  const data = [...channel]
    .filter(([userId]) => userIds.length === 0 || userIds.includes(userId))
    .map(([userId, sub]) => {
      const user = named(userId);
      const gifter = named(sub.gifterId);
      return {
        broadcaster_id: broadcaster.id,
        broadcaster_login: broadcaster.login,
        broadcaster_name: broadcaster.displayName,
        gifter_id: sub.gifterId ?? '',
        gifter_login: gifter?.login ?? '',
        gifter_name: gifter?.displayName ?? '',
        is_gift: sub.gifterId !== undefined,
        plan_name: `Channel Subscription (${broadcaster.login})`,
        tier: sub.tier,
        user_id: userId,
        user_name: user?.displayName ?? userId,
        user_login: user?.login ?? userId,
      };
    });
  const points = [...channel.values()].reduce(
    (n, s) => n + (s.tier === '3000' ? 6 : Number(s.tier) / 1000),
    0,
  );
  sendJson(ctx.res, 200, { data, pagination: {}, total: channel.size, points });
}

/** Routes of the user card's Helix facts (follows, subscriptions), over one FakeViewerFacts. */
export function viewerRoutes(facts: FakeViewerFacts): Record<string, HelixHandler> {
  return {
    'GET /channels/followers': (ctx) => getFollowers(ctx, facts),
    'GET /subscriptions': (ctx) => getSubscriptions(ctx, facts),
  };
}
