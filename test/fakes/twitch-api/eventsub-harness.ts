import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TwitchAuth, TwitchToken } from '../../../src/main/core/providers/twitch/account';
import type { CreateEventSubSubscription } from '../../../src/main/core/providers/twitch/eventsub-types';
import { createFakeEventSub, type FakeEventSub, type FakeEventSubOptions } from './eventsub';
import { sendError } from './http-util';
import type { FakeTokenInfo, FakeTwitchState, FakeUser } from './state';

/**
 * Test helpers for the EventSub fake on its own: a tiny token table standing in for the OAuth/Helix fake, a
 * bare node:http server mounting the module, and a Helix-shaped `createSubscription` for the client.
 */
export const TEST_CLIENT_ID = 'fakeclientid0000000000000000000';

export function createTokenState(users: FakeUser[], tokens: Record<string, FakeTokenInfo>): FakeTwitchState {
  return {
    usersById: new Map(users.map((u) => [u.id, u])),
    usersByLogin: new Map(users.map((u) => [u.login, u])),
    authorize(headers) {
      const bearer = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
      const info = bearer ? tokens[bearer] : undefined;
      if (!info || info.expiresAt < Date.now())
        return { ok: false, status: 401, message: 'Invalid OAuth token' };
      if (headers['client-id'] !== info.clientId) {
        return { ok: false, status: 401, message: 'Client ID and OAuth token do not match' };
      }
      return { ok: true, token: info };
    },
  };
}

export interface RunningEventSub {
  fake: FakeEventSub;
  /** `ws://127.0.0.1:PORT/eventsub/ws` */
  wsUrl: string;
  /** `http://127.0.0.1:PORT` */
  httpBase: string;
  close(): Promise<void>;
}

export async function startEventSubServer(
  state: FakeTwitchState,
  options: FakeEventSubOptions = {},
): Promise<RunningEventSub> {
  const fake = createFakeEventSub(state, options);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!fake.handleHttp(req, res, url)) sendError(res, 404, 'not found');
  });
  server.on('upgrade', (req, socket, head) => {
    if (!fake.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    fake,
    wsUrl: `ws://127.0.0.1:${port}/eventsub/ws`,
    httpBase: `http://127.0.0.1:${port}`,
    async close() {
      await fake.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the Helix client will do: POST /helix/eventsub/subscriptions with Bearer + Client-Id. */
export function helixCreateSubscription(httpBase: string, auth: TwitchAuth): CreateEventSubSubscription {
  return async (request) => {
    const token = auth.token();
    if (!token) return { ok: false, status: 401, message: 'not logged in' };
    const res = await fetch(`${httpBase}/helix/eventsub/subscriptions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token.accessToken}`,
        'Client-Id': token.clientId,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(request),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: Array<{ id: string }>; message?: string };
    if (res.status === 202 && body.data?.[0]) return { ok: true, id: body.data[0].id };
    return { ok: false, status: res.status, message: body.message ?? res.statusText };
  };
}

/** A TwitchAuth whose token the test sets. */
export function createTestAuth(
  initial: TwitchToken | null,
): TwitchAuth & { set(token: TwitchToken | null): void } {
  let current = initial;
  const listeners = new Set<(token: TwitchToken | null) => void>();
  return {
    token: () => current,
    refresh: async () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(token) {
      current = token;
      for (const listener of listeners) listener(token);
    },
  };
}
