import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAKE_TYPES, GONE_TYPES, MAX_SUBSCRIPTIONS_PER_SESSION, MAX_TOTAL_COST } from './eventsub-catalog';
import { nanoTimestamp, publicSubscription, type FakeSession, type FakeSubscription } from './eventsub-model';
import { readJson, sendEmpty, sendError, sendJson } from './http-util';
import type { FakeTokenInfo, FakeTwitchState } from './state';

export const SUBSCRIPTIONS_PATH = '/helix/eventsub/subscriptions';

/** What the REST handlers need from the EventSub fake. */
export interface SubscriptionStore {
  state: FakeTwitchState;
  sessions: Map<string, FakeSession>;
  subscriptions: Map<string, FakeSubscription>;
  /** A subscription was bound to this session (cancels its 10-s window). */
  onSubscribed(session: FakeSession): void;
}

type Rejection = { status: number; message: string };
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readCondition(value: unknown): Record<string, string> | null {
  if (!isObject(value)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') return null;
    out[k] = v;
  }
  return out;
}

function checkCondition(
  key: string,
  condition: Record<string, string>,
  token: FakeTokenInfo,
  store: SubscriptionStore,
): Rejection | null {
  const spec = FAKE_TYPES[key]!;
  const missing = spec.condition.filter((field) => !condition[field]);
  if (missing.length > 0)
    return { status: 400, message: `missing condition field(s): ${missing.join(', ')}` };
  if (spec.oneOf && spec.oneOf.filter((field) => condition[field]).length !== 1) {
    return { status: 400, message: `exactly one of ${spec.oneOf.join(', ')} is required` };
  }
  for (const id of Object.values(condition)) {
    if (id && !store.state.usersById.has(id))
      return { status: 400, message: `user ${id} in condition does not exist` };
  }
  const wrongUser = spec.tokenUserFields.find((field) => condition[field] !== token.userId);
  if (wrongUser || (spec.broadcasterOnly && condition.broadcaster_user_id !== token.userId)) {
    return { status: 403, message: 'subscription missing proper authorization' };
  }
  const scopes = new Set(token.scopes);
  const lacking = spec.scopes.filter((group) => !group.some((s) => scopes.has(s)));
  if (lacking.length > 0)
    return {
      status: 403,
      message: `subscription missing proper authorization: ${lacking.map((g) => g.join(' or ')).join(', ')}`,
    };
  return null;
}

/** A session in its reconnect grace period still accepts subscriptions; they land where its others went. */
function liveSession(sessionId: unknown, store: SubscriptionStore): FakeSession | null {
  let session = typeof sessionId === 'string' ? store.sessions.get(sessionId) : undefined;
  while (session?.successor) session = session.successor;
  return session && session.status !== 'closed' ? session : null;
}

/** 409 for the same type+version+condition on this session; 400 above the per-session limit. */
function checkSessionRoom(
  session: FakeSession,
  wanted: { type: string; version: string; condition: Record<string, string> },
  store: SubscriptionStore,
): Rejection | null {
  const sameCondition = (c: Record<string, string>): boolean =>
    JSON.stringify(Object.entries(c).sort()) === JSON.stringify(Object.entries(wanted.condition).sort());
  const onSession = [...store.subscriptions.values()].filter(
    (s) => s.transport.session_id === session.id && s.status === 'enabled',
  );
  if (
    onSession.some(
      (s) => s.type === wanted.type && s.version === wanted.version && sameCondition(s.condition),
    )
  ) {
    return { status: 409, message: 'subscription already exists' };
  }
  if (onSession.length >= MAX_SUBSCRIPTIONS_PER_SESSION) {
    return { status: 400, message: 'too many subscriptions on this session' };
  }
  return null;
}

function newSubscription(
  wanted: { type: string; version: string; condition: Record<string, string> },
  session: FakeSession,
  token: FakeTokenInfo,
): FakeSubscription {
  const authorizedUser = Object.values(wanted.condition).includes(token.userId);
  return {
    id: randomUUID(),
    status: 'enabled',
    ...wanted,
    created_at: nanoTimestamp(),
    transport: { method: 'websocket', session_id: session.id, connected_at: session.connectedAt },
    cost: FAKE_TYPES[`${wanted.type}@${wanted.version}`]!.unauthenticated && !authorizedUser ? 1 : 0,
    owner: { clientId: token.clientId, userId: token.userId },
  };
}

function validateCreate(
  body: unknown,
  token: FakeTokenInfo,
  store: SubscriptionStore,
): Rejection | { sub: FakeSubscription; session: FakeSession } {
  if (!isObject(body)) return { status: 400, message: 'invalid JSON body' };
  const { type, version } = body;
  const transport = isObject(body.transport) ? body.transport : null;
  if (typeof type !== 'string' || typeof version !== 'string') {
    return { status: 400, message: 'type and version are required' };
  }
  if (transport?.method !== 'websocket')
    return { status: 400, message: 'transport.method must be websocket' };
  const session = liveSession(transport.session_id, store);
  if (!session) {
    return { status: 400, message: 'websocket transport session does not exist or has already disconnected' };
  }
  const key = `${type}@${version}`;
  if (GONE_TYPES.has(key)) return { status: 410, message: `${type} version ${version} has been removed` };
  if (!FAKE_TYPES[key]) return { status: 400, message: `unknown type/version: ${key}` };
  const condition = readCondition(body.condition);
  if (!condition) return { status: 400, message: 'condition must be an object of strings' };
  const wanted = { type, version, condition };
  const refused = checkCondition(key, condition, token, store) ?? checkSessionRoom(session, wanted, store);
  if (refused) return refused;
  const sub = newSubscription(wanted, session, token);
  return checkTotalCost(sub, token, store) ?? { sub, session };
}

/**
 * 429 when the token's enabled subscriptions would cost more than `max_total_cost` (docs/protocol-twitch.md
 * §2.4).
 */
function checkTotalCost(
  sub: FakeSubscription,
  token: FakeTokenInfo,
  store: SubscriptionStore,
): Rejection | null {
  if (sub.cost === 0) return null;
  const spent = owned(store, token)
    .filter((s) => s.status === 'enabled')
    .reduce((sum, s) => sum + s.cost, 0);
  return spent + sub.cost > MAX_TOTAL_COST
    ? { status: 429, message: `subscription total cost would exceed max_total_cost ${MAX_TOTAL_COST}` }
    : null;
}

function owned(store: SubscriptionStore, token: FakeTokenInfo): FakeSubscription[] {
  return [...store.subscriptions.values()].filter(
    (s) => s.owner.clientId === token.clientId && s.owner.userId === token.userId,
  );
}

function listBody(subs: FakeSubscription[], all: FakeSubscription[]): object {
  const enabled = all.filter((s) => s.status === 'enabled');
  return {
    data: subs.map(publicSubscription),
    total: all.length,
    total_cost: enabled.reduce((sum, s) => sum + s.cost, 0),
    max_total_cost: MAX_TOTAL_COST,
    pagination: {},
  };
}

async function create(
  req: IncomingMessage,
  res: ServerResponse,
  token: FakeTokenInfo,
  store: SubscriptionStore,
): Promise<void> {
  const result = validateCreate(await readJson(req), token, store);
  if ('status' in result) return sendError(res, result.status, result.message);
  store.subscriptions.set(result.sub.id, result.sub);
  store.onSubscribed(result.session);
  const all = owned(store, token);
  sendJson(res, 202, { ...listBody([result.sub], all), pagination: undefined });
}

function list(res: ServerResponse, url: URL, token: FakeTokenInfo, store: SubscriptionStore): void {
  const q = url.searchParams;
  const all = owned(store, token);
  const subs = all.filter(
    (s) =>
      (!q.get('status') || s.status === q.get('status')) &&
      (!q.get('type') || s.type === q.get('type')) &&
      (!q.get('subscription_id') || s.id === q.get('subscription_id')) &&
      (!q.get('user_id') || Object.values(s.condition).includes(q.get('user_id')!)),
  );
  sendJson(res, 200, listBody(subs, all));
}

function remove(res: ServerResponse, url: URL, token: FakeTokenInfo, store: SubscriptionStore): void {
  const id = url.searchParams.get('id');
  if (!id) return sendError(res, 400, 'missing id');
  const sub = store.subscriptions.get(id);
  if (!sub || sub.owner.clientId !== token.clientId || sub.owner.userId !== token.userId) {
    return sendError(res, 404, 'subscription not found');
  }
  store.subscriptions.delete(id);
  sendEmpty(res, 204);
}

/**
 * `POST|GET|DELETE /helix/eventsub/subscriptions` (docs/protocol-twitch.md §2.6). False for any other path.
 */
export function handleSubscriptionsHttp(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  store: SubscriptionStore,
): boolean {
  if (url.pathname !== SUBSCRIPTIONS_PATH) return false;
  const auth = store.state.authorize(req.headers);
  if (!auth.ok) {
    sendError(res, auth.status, auth.message);
    return true;
  }
  if (req.method === 'POST') {
    create(req, res, auth.token, store).catch(() => sendError(res, 400, 'bad request'));
  } else if (req.method === 'GET') {
    list(res, url, auth.token, store);
  } else if (req.method === 'DELETE') {
    remove(res, url, auth.token, store);
  } else {
    sendError(res, 404, 'not found');
  }
  return true;
}
