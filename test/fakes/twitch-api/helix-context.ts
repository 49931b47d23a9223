import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeTwitchStore } from './fake-state';
import { readJson, sendError } from './http-util';
import type { FakeModerationState } from './moderation-record';
import type { FakeTokenInfo } from './state';

/** One authenticated Helix request as the route handlers see it. */
export interface HelixContext {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  token: FakeTokenInfo;
  now: number;
  store: FakeTwitchStore;
  mod: FakeModerationState;
}

export type HelixHandler = (ctx: HelixContext) => Promise<void> | void;

export function requireScope(ctx: HelixContext, ...anyOf: string[]): boolean {
  if (anyOf.some((s) => ctx.token.scopes.includes(s))) return true;
  sendError(ctx.res, 401, `Missing scope: ${anyOf[0]}`);
  return false;
}

/** The usual `broadcaster_id` + `moderator_id` pair: moderator = token user, and a moderator of the channel. */
export function requireModerator(ctx: HelixContext, broadcasterParam = 'broadcaster_id'): string | null {
  const broadcasterId = ctx.query.get(broadcasterParam);
  const moderatorId = ctx.query.get('moderator_id');
  if (!broadcasterId) return fail(ctx, 400, `Missing required parameter "${broadcasterParam}"`);
  if (!moderatorId) return fail(ctx, 400, 'Missing required parameter "moderator_id"');
  if (!ctx.store.usersById.has(broadcasterId))
    return fail(ctx, 400, `The ID in ${broadcasterParam} is not valid.`);
  if (moderatorId !== ctx.token.userId) {
    return fail(
      ctx,
      401,
      "The ID in moderator_id must match the user ID found in the request's OAuth token.",
    );
  }
  if (!ctx.store.isModerator(broadcasterId, moderatorId)) {
    return fail(ctx, 403, "The user in moderator_id is not one of the broadcaster's moderators.");
  }
  return broadcasterId;
}

export function fail(ctx: HelixContext, status: number, message: string): null {
  sendError(ctx.res, status, message);
  return null;
}

/** JSON body as an object, or null after answering 400. */
export async function jsonBody(ctx: HelixContext): Promise<Record<string, unknown> | null> {
  const body = await readJson(ctx.req).catch(() => undefined);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(ctx, 400, 'Invalid request body');
  return body as Record<string, unknown>;
}

/** `{"data":{…}}` bodies of bans and warnings. */
export async function dataBody(ctx: HelixContext): Promise<Record<string, unknown> | null> {
  const body = await jsonBody(ctx);
  if (!body) return null;
  const data = body.data;
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return fail(ctx, 400, 'Missing required parameter "data"');
  return data as Record<string, unknown>;
}
