import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { TWITCH_SCOPES } from '../../../src/main/core/providers/twitch/auth/scopes';
import { createFakeEventSub, type FakeEventSub, type FakeEventSubOptions } from './eventsub';
import { FailureQueue } from './failure-queue';
import { DEFAULT_FAKE_USERS, FakeTwitchStore, type MintedTokens } from './fake-state';
import { FakeHelix, type FakeRateLimit } from './helix';
import { sendError } from './http-util';
import { FakeModerationState, type FakeModerationEvent } from './moderation-record';
import { FakeOAuth } from './oauth';
import type { FakeUser } from './state';

export type { FakeModerationEvent, FakeBan, FakeChatSettings } from './moderation-record';
export { DEFAULT_FAKE_USERS } from './fake-state';

export const FAKE_CLIENT_ID = 'onairfakeclientid0000000000000';

export interface FakeTwitchApiOptions {
  accessTokenTtlSeconds?: number;
  clientId?: string;
  /** Default: streamer (1001, has moddy as moderator), moddy (1002), viewer1 (1003), troll (1004), otherstreamer (1005). */
  users?: FakeUser[];
  /** broadcaster login → moderator logins. Default `{ streamer: ['moddy'] }` with the default users. */
  moderators?: Record<string, string[]>;
  /** Device flow polling interval Twitch announces (s). Twitch: 5. */
  deviceIntervalSeconds?: number;
  deviceExpiresSeconds?: number;
  /** Polls closer together than this get `slow_down` (default: the announced interval). */
  enforcedIntervalSeconds?: number;
  rateLimit?: FakeRateLimit;
  /** Time source for token expiry, device polling and rate limits; share a manual clock with the client. */
  now?: () => number;
  eventSub?: FakeEventSubOptions;
}

export interface FakeRequestRecord {
  method: string;
  /** Path without query string (so no token can appear). */
  path: string;
  status: number;
}

export interface FakeTwitchApi {
  url: string;
  oauthBase: string;
  helixBase: string;
  eventSubWsUrl: string;
  clientId: string;
  store: FakeTwitchStore;
  helix: FakeHelix;
  eventSub: FakeEventSub;
  /** Bans, deleted messages, chat settings, automod decisions, warnings … */
  moderation: FakeModerationState;
  onModeration(listener: (event: FakeModerationEvent) => void): () => void;
  approveDevice(userCode: string, login: string, scopes?: string[]): void;
  denyDevice(userCode: string): void;
  expireDevice(userCode: string): void;
  pendingUserCodes(): string[];
  /** A token pair without the device flow (for Helix tests). Default scopes: everything OnAir asks for. */
  mintToken(login: string, scopes?: string[]): MintedTokens;
  expireAccessTokens(): void;
  revokeAll(): void;
  failNext(method: string, pathPrefix: string, status: number, message: string): void;
  /**
   * Requests to `path` are processed at once but answered only when the returned release is called (a slow
   * network on the way back: Twitch has acted, the client does not know yet).
   */
  holdAnswers(path: string): () => void;
  addModerator(broadcasterLogin: string, moderatorLogin: string): void;
  /** A message the fake knows (sender and age), so deletes follow Twitch's rules for it. */
  addChatMessage(broadcasterLogin: string, messageId: string, senderLogin: string, ageMs?: number): void;
  holdAutoModMessage(broadcasterLogin: string, messageId: string, senderLogin: string): void;
  setLive(broadcasterLogin: string, live: boolean): void;
  readonly refreshCount: number;
  readonly counters: FakeOAuth['counters'];
  /** Every HTTP request, without tokens. */
  requests: FakeRequestRecord[];
  /** Every token, refresh token and device code the fake handed out (for leak scans). */
  mintedSecrets(): string[];
  /** Called with the raw access token whenever one is presented (validate or Helix). */
  onTokenUse(listener: (accessToken: string, where: string) => void): () => void;
  close(): Promise<void>;
}

/** One node:http server on 127.0.0.1:0 with /oauth2/*, /helix/* and the EventSub WebSocket. */
export async function startFakeTwitchApi(options: FakeTwitchApiOptions = {}): Promise<FakeTwitchApi> {
  const clientId = options.clientId ?? FAKE_CLIENT_ID;
  const users = options.users ?? DEFAULT_FAKE_USERS;
  const store = new FakeTwitchStore(
    clientId,
    options.accessTokenTtlSeconds ?? 14_400,
    options.now ?? Date.now,
    users,
  );
  const moderators = options.moderators ?? (options.users ? {} : { streamer: ['moddy'] });
  for (const [b, mods] of Object.entries(moderators)) for (const m of mods) addModerator(store, b, m);
  const failures = new FailureQueue();
  const moderation = new FakeModerationState();
  const oauth = new FakeOAuth(store, {
    deviceIntervalSeconds: options.deviceIntervalSeconds ?? 5,
    deviceExpiresSeconds: options.deviceExpiresSeconds ?? 1800,
    enforcedIntervalSeconds: options.enforcedIntervalSeconds,
  });
  const helix = new FakeHelix(
    store,
    moderation,
    failures,
    options.rateLimit ?? { points: 800, windowMs: 60_000 },
  );
  const eventSub = createFakeEventSub(store, options.eventSub);
  const requests: FakeRequestRecord[] = [];
  const holds = new Map<string, Promise<void>>();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.on('finish', () =>
      requests.push({ method: req.method ?? '', path: url.pathname, status: res.statusCode }),
    );
    const hold = holds.get(url.pathname);
    if (hold) {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        void hold.then(() => end(...args));
        return res;
      }) as typeof res.end;
    }
    if (eventSub.handleHttp(req, res, url)) return;
    if (url.pathname.startsWith('/helix/'))
      return helix.handle(req, res, url, url.pathname.slice('/helix'.length));
    const failure = failures.take(req.method ?? 'GET', url.pathname);
    if (failure) return sendError(res, failure.status, failure.message);
    if (url.pathname.startsWith('/oauth2/'))
      return oauth.handle(req, res, url, url.pathname.slice('/oauth2'.length));
    sendError(res, 404, 'Not Found');
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 400, 'Bad Request');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!eventSub.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    oauthBase: `${url}/oauth2`,
    helixBase: `${url}/helix`,
    eventSubWsUrl: `${url.replace('http', 'ws')}/eventsub/ws`,
    clientId,
    store,
    helix,
    eventSub,
    moderation,
    requests,
    onModeration: (listener) => moderation.onModeration(listener),
    approveDevice: (code, login, scopes) => oauth.approve(code, login, scopes),
    denyDevice: (code) => oauth.deny(code),
    expireDevice: (code) => oauth.expire(code),
    pendingUserCodes: () => oauth.pendingUserCodes(),
    mintToken: (login, scopes) => store.mint(store.userByLogin(login).id, scopes ?? ALL_SCOPES),
    expireAccessTokens: () => {
      for (const info of store.accessTokens.values()) info.expiresAt = store.now() - 1;
    },
    revokeAll: () => {
      store.accessTokens.clear();
      store.refreshTokens.clear();
    },
    failNext: (method, pathPrefix, status, message) => failures.add({ method, pathPrefix, status, message }),
    holdAnswers: (path) => {
      let release = (): void => {};
      holds.set(
        path,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        holds.delete(path);
        release();
      };
    },
    addModerator: (b, m) => addModerator(store, b, m),
    addChatMessage: (b, id, sender, ageMs = 0) => {
      const text = 'hello';
      const entry = { broadcasterId: store.userByLogin(b).id, senderId: store.userByLogin(sender).id, text };
      moderation.messages.set(id, { ...entry, sentAt: store.now() - ageMs });
    },
    holdAutoModMessage: (b, id, sender) => {
      const hold = { broadcasterId: store.userByLogin(b).id, userId: store.userByLogin(sender).id };
      moderation.automodHolds.set(id, { ...hold, status: 'pending' });
    },
    setLive: (b, live) => {
      const id = store.userByLogin(b).id;
      if (live) helix.offline.delete(id);
      else helix.offline.add(id);
    },
    get refreshCount() {
      return oauth.counters.refreshCount;
    },
    counters: oauth.counters,
    mintedSecrets: () => [...store.minted],
    onTokenUse: (listener) => store.onTokenUse(listener),
    close: async () => {
      await eventSub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function addModerator(store: FakeTwitchStore, broadcasterLogin: string, moderatorLogin: string): void {
  const b = store.userByLogin(broadcasterLogin).id;
  const mods = store.moderators.get(b) ?? new Set<string>();
  mods.add(store.userByLogin(moderatorLogin).id);
  store.moderators.set(b, mods);
}

/** The scopes OnAir requests: what a default fake token carries. */
export const ALL_SCOPES: string[] = [...TWITCH_SCOPES];
