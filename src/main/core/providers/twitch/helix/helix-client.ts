import type { Clock } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { TwitchAuth, TwitchToken } from '../account';
import type { CreateEventSubSubscription, EventSubSubscribeResult } from '../eventsub-types';
import { HelixError, helixError } from './helix-error';
import { HelixRateLimiter, type RateLimitSnapshot } from './rate-limiter';
import { UserCache, type HelixUser } from './user-cache';
import { parseJsonOrNull } from '../../../net/parse-json';

export type HelixMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HelixRequest {
  method: HelixMethod;
  /** Path under the Helix base, e.g. `/moderation/bans`. */
  path: string;
  query?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface HelixResponse<T> {
  status: number;
  /** Parsed JSON body; null for 204 and empty bodies. */
  data: T | null;
}

export interface SentChatMessage {
  messageId: string;
  isSent: boolean;
  dropReason: { code: string; message: string } | null;
}

export interface HelixClient {
  /** One Helix call. Throws `HelixError` for every non-2xx answer and for network failures (status 0). */
  request<T = unknown>(request: HelixRequest): Promise<HelixResponse<T>>;
  getUserByLogin(login: string): Promise<HelixUser | null>;
  getUserById(id: string): Promise<HelixUser | null>;
  /** Users for many logins (unknown logins are left out). Cached like single lookups. */
  getUsersByLogin(logins: string[]): Promise<HelixUser[]>;
  /** POST /chat/messages as the token user. HTTP 200 can still mean "not sent": check `isSent`. */
  sendChatMessage(broadcasterId: string, message: string, replyTo?: string): Promise<SentChatMessage>;
  createEventSubSubscription: CreateEventSubSubscription;
  rateLimit(): RateLimitSnapshot;
  /** Counters for tests and the health view. */
  readonly counters: { requests: number; rateLimitWaits: number; retries: number; userLookups: number };
}

export interface HelixClientOptions {
  baseUrl: string;
  auth: TwitchAuth;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
}

export type { HelixUser } from './user-cache';

interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

function buildUrl(base: string, request: HelixRequest): string {
  const url = new URL(`${base}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  return url.toString();
}

function twitchMessageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.message === 'string' && b.message) return b.message;
    if (typeof b.error === 'string' && b.error) return b.error;
  }
  return `HTTP ${status}`;
}

/** An "invalid/expired token" 401 (refresh and retry), as opposed to a missing scope or an id mismatch. */
function isTokenRejected(error: HelixError): boolean {
  if (error.status !== 401 || error.missingScope) return false;
  return (
    /invalid|expired|oauth token is missing/i.test(error.twitchMessage) &&
    !/must match/i.test(error.twitchMessage)
  );
}

/** Helix over fetch: Bearer + Client-Id, rate-limit headers, one refresh-and-retry on an invalid token. */
export function createHelixClient(options: HelixClientOptions): HelixClient {
  return new HelixApi(options);
}

export class HelixApi implements HelixClient {
  readonly counters = { requests: 0, rateLimitWaits: 0, retries: 0, userLookups: 0 };
  private readonly limiter: HelixRateLimiter;
  private readonly users: UserCache;
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HelixClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.limiter = new HelixRateLimiter(options.clock);
    this.users = new UserCache((query) => this.fetchUsers(query));
  }

  rateLimit(): RateLimitSnapshot {
    return this.limiter.snapshot();
  }

  async request<T = unknown>(request: HelixRequest): Promise<HelixResponse<T>> {
    let token = this.requireToken();
    let refreshed = false;
    let rateRetried = false;
    for (;;) {
      const answer = await this.send(request, token);
      if (answer.status >= 200 && answer.status < 300)
        return { status: answer.status, data: answer.body as T | null };
      const error = helixError(answer.status, twitchMessageOf(answer.body, answer.status));
      if (answer.status === 429 && !rateRetried) {
        const wait = this.limiter.retryDelayAfter429(answer.headers);
        if (wait !== null) {
          rateRetried = true;
          await this.retryAfter(wait, request, '429');
          continue;
        }
      }
      if (isTokenRejected(error) && !refreshed) {
        refreshed = true;
        const next = await this.options.auth.refresh(token.accessToken);
        if (next) {
          token = next;
          this.counters.retries += 1;
          continue;
        }
      }
      throw error;
    }
  }

  getUserByLogin(login: string): Promise<HelixUser | null> {
    return this.users.byLogin(login);
  }

  getUserById(id: string): Promise<HelixUser | null> {
    return this.users.byId(id);
  }

  getUsersByLogin(logins: string[]): Promise<HelixUser[]> {
    return this.users.byLogins(logins);
  }

  async sendChatMessage(broadcasterId: string, message: string, replyTo?: string): Promise<SentChatMessage> {
    const token = this.requireToken();
    const body = {
      broadcaster_id: broadcasterId,
      sender_id: token.userId,
      message,
      reply_parent_message_id: replyTo,
    };
    const r = await this.request<{ data?: Array<Record<string, unknown>> }>({
      method: 'POST',
      path: '/chat/messages',
      body,
    });
    const first = r.data?.data?.[0] ?? {};
    const drop = first.drop_reason as Record<string, unknown> | null | undefined;
    return {
      messageId: typeof first.message_id === 'string' ? first.message_id : '',
      isSent: first.is_sent === true,
      dropReason: drop ? { code: String(drop.code ?? ''), message: String(drop.message ?? '') } : null,
    };
  }

  createEventSubSubscription: CreateEventSubSubscription = async (
    request,
  ): Promise<EventSubSubscribeResult> => {
    try {
      const r = await this.request<{ data?: Array<{ id?: unknown }> }>({
        method: 'POST',
        path: '/eventsub/subscriptions',
        body: request,
      });
      const id = r.data?.data?.[0]?.id;
      return { ok: true, id: typeof id === 'string' ? id : '' };
    } catch (error) {
      if (error instanceof HelixError)
        return { ok: false, status: error.status, message: error.twitchMessage };
      return { ok: false, status: 0, message: 'internal error' };
    }
  };

  private requireToken(): TwitchToken {
    const token = this.options.auth.token();
    if (!token) throw new HelixError(401, 'unauthorized', 'Log in to Twitch first.', 'not logged in');
    return token;
  }

  private async retryAfter(waitMs: number, request: HelixRequest, why: string): Promise<void> {
    this.counters.retries += 1;
    this.counters.rateLimitWaits += 1;
    this.options.log.info(`${request.method} ${request.path}: ${why}, retrying in ${Math.ceil(waitMs)} ms`);
    await this.limiter.sleep(waitMs);
  }

  private async send(request: HelixRequest, token: TwitchToken): Promise<RawAnswer> {
    const before = this.limiter.waits;
    await this.limiter.take();
    this.counters.rateLimitWaits += this.limiter.waits - before;
    this.counters.requests += 1;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token.accessToken}`,
      'Client-Id': token.clientId,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(buildUrl(this.base, request), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
      });
    } catch (error) {
      this.options.log.warn(
        `${request.method} ${request.path} failed`,
        error instanceof Error ? error.name : 'error',
      );
      throw helixError(0, 'network error');
    }
    this.limiter.update(response.headers);
    const text = await response.text().catch(() => '');
    const body = parseJsonOrNull(text);
    if (!response.ok) this.options.log.debug(`${request.method} ${request.path} → ${response.status}`);
    return { status: response.status, headers: response.headers, body };
  }

  private async fetchUsers(query: { ids: string[]; logins: string[] }): Promise<HelixUser[]> {
    this.counters.userLookups += 1;
    const r = await this.request<{ data?: unknown[] }>({
      method: 'GET',
      path: '/users',
      query: { id: query.ids, login: query.logins },
    });
    return (r.data?.data ?? []).flatMap((raw) => {
      const u = raw as Record<string, unknown>;
      if (typeof u.id !== 'string' || typeof u.login !== 'string') return [];
      return [
        {
          id: u.id,
          login: u.login,
          displayName: typeof u.display_name === 'string' ? u.display_name : u.login,
        },
      ];
    });
  }
}
