import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Shared state of the fake Twitch API (one HTTP server: /oauth2/*, /helix/*, and the EventSub WebSocket at
 * /eventsub/ws). The OAuth/Helix part owns users and tokens; the EventSub part reads them through this.
 */
export interface FakeUser {
  id: string;
  login: string;
  displayName: string;
  /** GET /users profile fields (docs/protocol-twitch.md §3.2); defaults stand in when absent. */
  createdAt?: string;
  profileImageUrl?: string;
  description?: string;
  type?: '' | 'admin' | 'global_mod' | 'staff';
  broadcasterType?: '' | 'affiliate' | 'partner';
}

export interface FakeTokenInfo {
  userId: string;
  login: string;
  scopes: string[];
  clientId: string;
  /** ms since epoch */
  expiresAt: number;
}

export type FakeAuthorization =
  { ok: true; token: FakeTokenInfo } | { ok: false; status: number; message: string };

export interface FakeTwitchState {
  usersById: Map<string, FakeUser>;
  usersByLogin: Map<string, FakeUser>;
  /** Checks `Authorization: Bearer …` and `Client-Id` the way Helix does. */
  authorize(headers: IncomingHttpHeaders): FakeAuthorization;
}

/** What the EventSub fake plugs into the shared server. */
export interface FakeServerModule {
  /** Returns true when it handled the request (e.g. `/helix/eventsub/subscriptions`). */
  handleHttp(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** Returns true when it took the upgrade (e.g. `/eventsub/ws`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}
