import type { OnAirEvent } from '../../../src/shared/events';
import { systemClock, type Clock } from '../../../src/main/core/clock';
import { createLogger, memorySink } from '../../../src/main/core/log/logger';
import type { TwitchToken } from '../../../src/main/core/providers/twitch/account';
import { createEventSubClient, type EventSubClient } from '../../../src/main/core/providers/twitch/eventsub';
import type { CreateEventSubSubscription } from '../../../src/main/core/providers/twitch/eventsub-types';
import type { FakeEventSubOptions } from './eventsub';
import {
  createTestAuth,
  createTokenState,
  helixCreateSubscription,
  startEventSubServer,
  TEST_CLIENT_ID,
  type RunningEventSub,
} from './eventsub-harness';

/** Every scope the client's subscriptions can use (docs/protocol-twitch.md §4.5). */
export const ALL_SCOPES = [
  'bits:read',
  'channel:read:subscriptions',
  'channel:read:redemptions',
  'moderator:read:followers',
  'moderator:manage:automod',
  'moderator:manage:blocked_terms',
  'moderator:manage:chat_settings',
  'moderator:read:unban_requests',
  'moderator:manage:banned_users',
  'moderator:manage:chat_messages',
  'moderator:manage:warnings',
  'moderator:read:moderators',
  'moderator:read:vips',
  'user:read:chat',
];

export const STREAMER = { id: '1001', login: 'streamer', displayName: 'Streamer' };
export const FRIEND = { id: '2002', login: 'friend', displayName: 'Friend' };
export const ACCESS_TOKEN = 'streamer-access-token-123456';
export const FRIEND_ACCESS_TOKEN = 'friend-access-token-654321';

/** Another account (a moderator of the streamer, say) with every scope. */
export function friendToken(): TwitchToken {
  return {
    accessToken: FRIEND_ACCESS_TOKEN,
    userId: FRIEND.id,
    login: FRIEND.login,
    scopes: ALL_SCOPES,
    clientId: TEST_CLIENT_ID,
    expiresAt: null,
  };
}

export function streamerToken(scopes = ALL_SCOPES): TwitchToken {
  return {
    accessToken: ACCESS_TOKEN,
    userId: STREAMER.id,
    login: STREAMER.login,
    scopes,
    clientId: TEST_CLIENT_ID,
    expiresAt: null,
  };
}

export interface RigOptions {
  fake?: FakeEventSubOptions;
  /** Scopes the client believes it has. */
  clientScopes?: string[];
  /** Scopes the fake server grants (defaults to clientScopes). */
  serverScopes?: string[];
  loggedIn?: boolean;
  createSubscription?: (inner: CreateEventSubSubscription) => CreateEventSubSubscription;
  /** The client's clock (a FakeClock for timing tests); sockets and HTTP stay real. */
  clock?: Clock;
  /** Also called with every event the client emits (e.g. to feed a hub). */
  onEvent?: (event: OnAirEvent) => void;
}

export interface Rig {
  server: RunningEventSub;
  client: EventSubClient;
  auth: ReturnType<typeof createTestAuth>;
  events: OnAirEvent[];
  /** Broadcasters the client watches (mutable; call `client.resubscribe()` after a change). */
  channels: Array<{ login: string; userId: string }>;
  logs: string[];
  ofKind<K extends OnAirEvent['kind']>(kind: K): Array<Extract<OnAirEvent, { kind: K }>>;
  close(): Promise<void>;
}

export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const clientScopes = options.clientScopes ?? ALL_SCOPES;
  const state = createTokenState([STREAMER, FRIEND], {
    [ACCESS_TOKEN]: {
      userId: STREAMER.id,
      login: STREAMER.login,
      scopes: options.serverScopes ?? clientScopes,
      clientId: TEST_CLIENT_ID,
      expiresAt: Date.now() + 3_600_000,
    },
    [FRIEND_ACCESS_TOKEN]: {
      userId: FRIEND.id,
      login: FRIEND.login,
      scopes: ALL_SCOPES,
      clientId: TEST_CLIENT_ID,
      expiresAt: Date.now() + 3_600_000,
    },
  });
  const server = await startEventSubServer(state, { keepaliveSeconds: 2, ...options.fake });
  const auth = createTestAuth(options.loggedIn === false ? null : streamerToken(clientScopes));
  const events: OnAirEvent[] = [];
  const channels = [{ login: STREAMER.login, userId: STREAMER.id }];
  const sink = memorySink(5000);
  const helix = helixCreateSubscription(server.httpBase, auth);
  const client = createEventSubClient({
    url: server.wsUrl,
    auth,
    createSubscription: options.createSubscription ? options.createSubscription(helix) : helix,
    resolveRef: (login) => ({ sourceId: `twitch:${login}`, provider: 'twitch', channel: login }),
    emit: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
    clock: options.clock ?? systemClock,
    log: createLogger(sink.sink, 'debug', 'test'),
    backoff: { initialMs: 50, maxMs: 400, factor: 2, jitter: 0 },
    channels: () => channels,
  });
  return {
    server,
    client,
    auth,
    events,
    channels,
    get logs() {
      return sink.records.map((r) => r.message);
    },
    ofKind: <K extends OnAirEvent['kind']>(kind: K) =>
      events.filter((e): e is Extract<OnAirEvent, { kind: K }> => e.kind === kind),
    async close() {
      await client.stop();
      await server.close();
    },
  };
}

/** Poll until `check` is true (bounded); throws with `what` on timeout. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function followEvent(n: number): object {
  return {
    user_id: String(5000 + n),
    user_login: `fan_${n}`,
    user_name: `Fan_${n}`,
    broadcaster_user_id: STREAMER.id,
    broadcaster_user_login: STREAMER.login,
    broadcaster_user_name: STREAMER.displayName,
    followed_at: new Date().toISOString(),
  };
}

/** Every type+version the client subscribes for a broadcaster's own token with every scope. */
export const EXPECTED_TYPES = [
  'automod.message.hold@2',
  'automod.message.update@2',
  'channel.channel_points_custom_reward_redemption.add@1',
  'channel.chat.clear@1',
  'channel.chat.clear_user_messages@1',
  'channel.chat.message_delete@1',
  'channel.cheer@1',
  'channel.follow@2',
  'channel.moderate@2',
  'channel.raid@1',
  'channel.subscribe@1',
  'channel.subscription.gift@1',
  'channel.subscription.message@1',
  'stream.offline@1',
  'stream.online@1',
];

/** Enabled `type@version`s bound to this session on the fake. */
export function enabledOn(r: Rig, sessionId: string): string[] {
  return r.server.fake
    .subscriptions()
    .filter((s) => s.transport.session_id === sessionId && s.status === 'enabled')
    .map((s) => `${s.type}@${s.version}`)
    .sort();
}

export function liveSession(r: Rig): string {
  const session = r.server.fake.sessions().find((s) => s.status === 'connected');
  if (!session) throw new Error('no connected session');
  return session.id;
}

/** Wait for a connected session with all 15 subscriptions; returns its id. */
export async function connected(r: Rig): Promise<string> {
  await waitFor('15 subscriptions', () =>
    r.server.fake.sessions().some((s) => s.status === 'connected' && s.subscriptions === 15),
  );
  await waitFor('status connected', () => r.client.status().state === 'connected');
  return liveSession(r);
}

/** What the fake saw the client send: both must stay 0 (a data frame would get a 4001 close). */
export function inboundTraffic(r: Rig): { dataFrames: number; closes4001: number } {
  return {
    dataFrames: r.server.fake.inboundDataFrames(),
    closes4001: r.server.fake.closeLog().filter((c) => c.code === 4001).length,
  };
}
