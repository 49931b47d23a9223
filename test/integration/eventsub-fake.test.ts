import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createTokenState,
  startEventSubServer,
  TEST_CLIENT_ID,
  type RunningEventSub,
} from '../fakes/twitch-api/eventsub-harness';
import type { FakeEventSubOptions } from '../fakes/twitch-api/eventsub';

const STREAMER = { id: '1001', login: 'streamer', displayName: 'Streamer' };
const OTHER = { id: '2002', login: 'other', displayName: 'Other' };
const TOKEN = 'fake-token-abcdef';
const WEAK = 'weak-token-abcdef';

interface Frame {
  metadata: {
    message_id: string;
    message_type: string;
    message_timestamp: string;
    subscription_type?: string;
  };
  payload: {
    session?: { id: string; keepalive_timeout_seconds: number | null; reconnect_url: string | null };
    subscription?: { id: string; status: string };
    event?: object;
  };
}

interface Peer {
  ws: WebSocket;
  frames: Frame[];
  closed: Promise<number>;
  next(type: string, timeoutMs?: number): Promise<Frame>;
}

let server: RunningEventSub | null = null;
const peers: Peer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) peer.ws.terminate();
  await server?.close();
  server = null;
});

/** Channels the streamer does not own: `stream.online`/`offline` and raids for them cost 1 each. */
const FOREIGN = [1, 2, 3].map((n) => ({ id: `300${n}`, login: `foreign${n}`, displayName: `Foreign${n}` }));

async function start(options: FakeEventSubOptions = {}): Promise<RunningEventSub> {
  const far = Date.now() + 3_600_000;
  const state = createTokenState([STREAMER, OTHER, ...FOREIGN], {
    [TOKEN]: {
      userId: STREAMER.id,
      login: STREAMER.login,
      scopes: ['bits:read', 'moderator:read:followers'],
      clientId: TEST_CLIENT_ID,
      expiresAt: far,
    },
    [WEAK]: {
      userId: STREAMER.id,
      login: STREAMER.login,
      scopes: [],
      clientId: TEST_CLIENT_ID,
      expiresAt: far,
    },
  });
  server = await startEventSubServer(state, options);
  return server;
}

function connect(url: string, options: WebSocket.ClientOptions = {}): Peer {
  const ws = new WebSocket(url, options);
  const frames: Frame[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  let read = 0;
  const next = async (type: string, timeoutMs = 3000): Promise<Frame> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (read < frames.length) {
        const frame = frames[read++]!;
        if (frame.metadata.message_type === type) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no ${type} frame`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  const peer = { ws, frames, closed, next };
  peers.push(peer);
  return peer;
}

async function post(
  body: object,
  token = TOKEN,
  clientId = TEST_CLIENT_ID,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server!.httpBase}/helix/eventsub/subscriptions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Client-Id': clientId, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const follow = (sessionId: string, version = '2') => ({
  type: 'channel.follow',
  version,
  condition: { broadcaster_user_id: STREAMER.id, moderator_user_id: STREAMER.id },
  transport: { method: 'websocket', session_id: sessionId },
});

async function welcomed(
  s: RunningEventSub,
  query = '',
): Promise<{ peer: Peer; sessionId: string; welcome: Frame }> {
  const peer = connect(s.wsUrl + query);
  const welcome = await peer.next('session_welcome');
  return { peer, sessionId: welcome.payload.session!.id, welcome };
}

describe('fake EventSub server', () => {
  it('welcomes with a session, honours keepalive_timeout_seconds (clamped) and sends keepalives', async () => {
    const s = await start({ keepaliveSeconds: 1 });
    const { welcome } = await welcomed(s, '?keepalive_timeout_seconds=3');
    expect(welcome.payload.session).toMatchObject({
      keepalive_timeout_seconds: 10,
      reconnect_url: null,
      status: 'connected',
    });
    expect(welcome.metadata.message_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    const quick = await welcomed(s);
    expect(quick.welcome.payload.session!.keepalive_timeout_seconds).toBe(1);
    await quick.peer.next('session_keepalive', 2500);
  });

  it('creates subscriptions with Helix validation and answers 202 in the documented shape', async () => {
    const s = await start();
    const { sessionId } = await welcomed(s);
    const created = await post(follow(sessionId));
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      data: [
        {
          type: 'channel.follow',
          version: '2',
          status: 'enabled',
          cost: 0,
          transport: { method: 'websocket', session_id: sessionId },
        },
      ],
      total: 1,
      total_cost: 0,
      max_total_cost: 10,
    });
    expect((await post(follow(sessionId))).status).toBe(409);
    expect((await post(follow(sessionId, '1'))).status).toBe(410);
    expect((await post(follow('no-such-session'))).status).toBe(400);
    expect(
      (await post({ ...follow(sessionId), transport: { method: 'webhook', callback: 'https://x' } })).status,
    ).toBe(400);
    expect(
      (await post({ ...follow(sessionId), condition: { broadcaster_user_id: STREAMER.id } })).status,
    ).toBe(400);
    expect((await post({ ...follow(sessionId), type: 'channel.nope' })).status).toBe(400);
    expect((await post(follow(sessionId), WEAK)).status).toBe(403);
    expect((await post(follow(sessionId), 'bad-token')).status).toBe(401);
    expect((await post(follow(sessionId), TOKEN, 'other-client')).status).toBe(401);
    const cheerForOther = {
      ...follow(sessionId),
      type: 'channel.cheer',
      version: '1',
      condition: { broadcaster_user_id: OTHER.id },
    };
    expect((await post(cheerForOther)).status).toBe(403);
    const raidBoth = {
      ...follow(sessionId),
      type: 'channel.raid',
      version: '1',
      condition: { from_broadcaster_user_id: OTHER.id, to_broadcaster_user_id: STREAMER.id },
    };
    expect((await post(raidBoth)).status).toBe(400);

    const headers = { Authorization: `Bearer ${TOKEN}`, 'Client-Id': TEST_CLIENT_ID };
    const listed = (await (
      await fetch(`${s.httpBase}/helix/eventsub/subscriptions?type=channel.follow`, { headers })
    ).json()) as { data: Array<{ id: string }>; total: number };
    expect(listed.data).toHaveLength(1);
    const id = listed.data[0]!.id;
    expect(
      (await fetch(`${s.httpBase}/helix/eventsub/subscriptions?id=${id}`, { method: 'DELETE', headers }))
        .status,
    ).toBe(204);
    expect(
      (await fetch(`${s.httpBase}/helix/eventsub/subscriptions?id=${id}`, { method: 'DELETE', headers }))
        .status,
    ).toBe(404);
    expect((await fetch(`${s.httpBase}/helix/users`, { headers })).status).toBe(404); // not ours: handleHttp → false
  });

  it('charges 1 for unauthorized channels and refuses with 429 beyond max_total_cost 10', async () => {
    const s = await start();
    const { sessionId } = await welcomed(s);
    const transport = { method: 'websocket', session_id: sessionId };
    const paid = [OTHER, ...FOREIGN].flatMap((user) => [
      { type: 'stream.online', version: '1', condition: { broadcaster_user_id: user.id }, transport },
      { type: 'stream.offline', version: '1', condition: { broadcaster_user_id: user.id }, transport },
      { type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: user.id }, transport },
    ]);
    const statuses: number[] = [];
    for (const body of paid) statuses.push((await post(body)).status);
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429, 429]);
    // The streamer's own channel is authorized: free, so still accepted at the cost limit.
    const own = {
      type: 'stream.online',
      version: '1',
      condition: { broadcaster_user_id: STREAMER.id },
      transport,
    };
    const created = await post(own);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ data: [{ cost: 0 }], total_cost: 10, max_total_cost: 10 });
  });

  it('closes 4003 when nothing subscribes in the window and 4001 on any inbound data frame', async () => {
    const s = await start({ subscribeWindowMs: 150 });
    const idle = await welcomed(s);
    expect(await idle.peer.closed).toBe(4003);
    const chatty = await welcomed(s);
    await post(follow(chatty.sessionId));
    chatty.peer.ws.send('hello');
    expect(await chatty.peer.closed).toBe(4001);
    expect(s.fake.inboundDataFrames()).toBe(1);
    expect(s.fake.subscriptions()[0]!.status).toBe('websocket_received_inbound_traffic');
  });

  it('closes 4002 when pings go unanswered', async () => {
    const s = await start({ pingIntervalMs: 60 });
    const peer = connect(s.wsUrl, { autoPong: false });
    await peer.next('session_welcome');
    expect(await peer.closed).toBe(4002);
  });

  it('delivers notifications only to subscribers, re-sends duplicates and revocations', async () => {
    const s = await start();
    const a = await welcomed(s);
    const b = await welcomed(s);
    await post(follow(a.sessionId));
    const ids = s.fake.notify('channel.follow', { user_login: 'fan' }, { version: '2' });
    expect(ids).toHaveLength(1);
    expect(s.fake.notify('channel.follow', { user_login: 'fan' })).toEqual([]); // v1: nobody subscribed
    const got = await a.peer.next('notification');
    expect(got.metadata.message_id).toBe(ids[0]);
    expect(got.payload.event).toEqual({ user_login: 'fan' });
    expect(s.fake.duplicateLast()).toBe(1);
    expect((await a.peer.next('notification')).metadata.message_id).toBe(ids[0]);
    const sub = s.fake.subscriptions()[0]!;
    s.fake.revoke(sub.id, 'user_removed');
    expect((await a.peer.next('revocation')).payload.subscription).toMatchObject({
      id: sub.id,
      status: 'user_removed',
    });
    expect(s.fake.notify('channel.follow', {}, { version: '2' })).toEqual([]);
    expect(
      b.peer.frames.filter(
        (f) =>
          f.metadata.message_type !== 'session_welcome' && f.metadata.message_type !== 'session_keepalive',
      ),
    ).toEqual([]);
  });

  it('reconnect drill: new session inherits subscriptions, old keeps delivering, 4004 if never closed; bad id → 4007', async () => {
    const s = await start({ reconnectGraceMs: 300 });
    const old = await welcomed(s);
    await post(follow(old.sessionId));
    const [url] = s.fake.reconnectDrill();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/eventsub\/ws\?reconnect_id=/);
    const reconnect = await old.peer.next('session_reconnect');
    expect(reconnect.payload.session).toMatchObject({
      id: old.sessionId,
      reconnect_url: url,
      keepalive_timeout_seconds: null,
    });
    const fresh = await welcomed(s, url!.slice(s.wsUrl.length));
    expect(fresh.sessionId).not.toBe(old.sessionId);
    expect(s.fake.subscriptions()[0]!.transport.session_id).toBe(fresh.sessionId);
    const [id] = s.fake.notify('channel.follow', {}, { version: '2' });
    expect((await old.peer.next('notification')).metadata.message_id).toBe(id);
    expect((await fresh.peer.next('notification')).metadata.message_id).toBe(id);
    expect(await old.peer.closed).toBe(4004);
    expect(s.fake.subscriptions()[0]!.status).toBe('enabled');
    const bogus = connect(`${s.wsUrl}?reconnect_id=bm9wZQ`);
    expect(await bogus.closed).toBe(4007);
  });

  it('refuses the 301st subscription on one session', async () => {
    const users = Array.from({ length: 301 }, (_, n) => ({
      id: `${9000 + n}`,
      login: `u${n}`,
      displayName: `U${n}`,
    }));
    const state = createTokenState([STREAMER, ...users], {
      [TOKEN]: {
        userId: STREAMER.id,
        login: STREAMER.login,
        scopes: ['user:read:chat'],
        clientId: TEST_CLIENT_ID,
        expiresAt: Date.now() + 60_000,
      },
    });
    server = await startEventSubServer(state);
    const { sessionId } = await welcomed(server);
    // Reading chat as the token user costs 0, so only the per-session limit can refuse these.
    const chatOf = (id: string) => ({
      type: 'channel.chat.message',
      version: '1',
      condition: { broadcaster_user_id: id, user_id: STREAMER.id },
      transport: { method: 'websocket', session_id: sessionId },
    });
    const statuses: number[] = [];
    for (const user of users) statuses.push((await post(chatOf(user.id))).status);
    expect(statuses.slice(0, 300).every((status) => status === 202)).toBe(true);
    expect(statuses[300]).toBe(400);
    const costs = server.fake.subscriptions().map((sub) => sub.cost);
    expect(new Set(costs)).toEqual(new Set([0]));
  });
});
