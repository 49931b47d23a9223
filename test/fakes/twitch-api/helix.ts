import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeTwitchStore } from './fake-state';
import type { FailureQueue } from './failure-queue';
import { badgeRoutes, FakeBadgeState } from './helix-badges';
import { chatRoutes } from './helix-chat';
import type { HelixHandler } from './helix-context';
import { moderationRoutes } from './helix-moderation';
import { FakeViewerFacts, viewerRoutes } from './helix-viewers';
import { sendError } from './http-util';
import type { FakeModerationState } from './moderation-record';

export interface FakeRateLimit {
  /** Bucket size (Twitch: 800). */
  points: number;
  /** The bucket refills completely after this long (Twitch: 60 s). */
  windowMs: number;
}

interface Bucket {
  windowStart: number;
  used: number;
}

/**
 * api.twitch.tv/helix: token check (Bearer + Client-Id), a per-user points bucket with `Ratelimit-*` headers on
 * every answer, scripted failures, then the route.
 */
export class FakeHelix {
  rateLimit: FakeRateLimit;
  /** Broadcaster ids that count as offline (shoutouts need a live channel). */
  readonly offline = new Set<string>();
  /** What `chat/badges` and `chat/badges/global` answer. */
  readonly badges = new FakeBadgeState();
  /** Follows and subscriptions (the user card's facts). */
  readonly viewers = new FakeViewerFacts();
  private readonly buckets = new Map<string, Bucket>();
  private readonly routes: Record<string, HelixHandler>;

  constructor(
    private readonly store: FakeTwitchStore,
    private readonly mod: FakeModerationState,
    private readonly failures: FailureQueue,
    rateLimit: FakeRateLimit,
  ) {
    this.rateLimit = rateLimit;
    this.routes = {
      ...chatRoutes,
      ...moderationRoutes(this.offline),
      ...badgeRoutes(this.badges),
      ...viewerRoutes(this.viewers),
    };
  }

  /** Drains the bucket of the user with this id (tests use it to force a 429). */
  drainBucket(userId: string): void {
    this.bucket(userId).used = this.rateLimit.points;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const auth = this.store.authorize(req.headers);
    const bucketKey = auth.ok ? auth.token.userId : `client:${String(req.headers['client-id'] ?? '')}`;
    if (!this.charge(res, bucketKey)) return sendError(res, 429, 'Too Many Requests');
    if (!auth.ok) return sendError(res, auth.status, auth.message);
    const failure = this.failures.take(req.method ?? 'GET', `/helix${path}`);
    if (failure) return sendError(res, failure.status, failure.message);
    const route = this.routes[`${req.method} ${path}`];
    if (!route) return sendError(res, 404, 'Not Found');
    await route({
      req,
      res,
      query: url.searchParams,
      token: auth.token,
      now: this.store.now(),
      store: this.store,
      mod: this.mod,
    });
  }

  private bucket(key: string): Bucket {
    const now = this.store.now();
    let bucket = this.buckets.get(key);
    if (!bucket || now - bucket.windowStart >= this.rateLimit.windowMs) {
      bucket = { windowStart: now, used: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Takes one point and sets the headers; false when the bucket is empty. */
  private charge(res: ServerResponse, key: string): boolean {
    const bucket = this.bucket(key);
    const allowed = bucket.used < this.rateLimit.points;
    if (allowed) bucket.used += 1;
    res.setHeader('Ratelimit-Limit', String(this.rateLimit.points));
    res.setHeader('Ratelimit-Remaining', String(this.rateLimit.points - bucket.used));
    res.setHeader(
      'Ratelimit-Reset',
      String(Math.ceil((bucket.windowStart + this.rateLimit.windowMs) / 1000)),
    );
    return allowed;
  }
}
