import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeAuthorization, FakeTokenInfo, FakeTwitchState, FakeUser } from './state';

export interface FakeRefreshInfo {
  userId: string;
  scopes: string[];
  clientId: string;
  grantId: number;
}

export interface MintedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export const DEFAULT_FAKE_USERS: FakeUser[] = [
  { id: '1001', login: 'streamer', displayName: 'Streamer' },
  { id: '1002', login: 'moddy', displayName: 'Moddy' },
  { id: '1003', login: 'viewer1', displayName: 'Viewer1' },
  { id: '1004', login: 'troll', displayName: 'Troll' },
  { id: '1005', login: 'otherstreamer', displayName: 'OtherStreamer' },
];

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/**
 * Users, tokens and roles of the fake Twitch API. Tokens are random; every minted secret is remembered so a
 * test can scan logs for them. Time comes from `now` so a test can share one manual clock with the client.
 */
export class FakeTwitchStore implements FakeTwitchState {
  readonly usersById = new Map<string, FakeUser>();
  readonly usersByLogin = new Map<string, FakeUser>();
  readonly accessTokens = new Map<string, FakeTokenInfo & { grantId: number }>();
  readonly refreshTokens = new Map<string, FakeRefreshInfo>();
  /** broadcaster id → moderator ids */
  readonly moderators = new Map<string, Set<string>>();
  /** Every token, refresh token and device code ever handed out. */
  readonly minted: string[] = [];
  private nextGrant = 1;
  private readonly tokenUseListeners = new Set<(accessToken: string, where: string) => void>();

  constructor(
    readonly clientId: string,
    public accessTokenTtlSeconds: number,
    readonly now: () => number,
    users: FakeUser[],
  ) {
    users.forEach((u) => this.addUser(u));
  }

  addUser(user: FakeUser): void {
    this.usersById.set(user.id, user);
    this.usersByLogin.set(user.login.toLowerCase(), user);
  }

  userByLogin(login: string): FakeUser {
    const user = this.usersByLogin.get(login.toLowerCase());
    if (!user) throw new Error(`fake Twitch: no user "${login}"`);
    return user;
  }

  isModerator(broadcasterId: string, userId: string): boolean {
    return broadcasterId === userId || (this.moderators.get(broadcasterId)?.has(userId) ?? false);
  }

  secret(length = 30): string {
    const value = randomBytes(length)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, length);
    this.minted.push(value);
    return value;
  }

  mint(userId: string, scopes: string[], clientId = this.clientId, grantId = this.nextGrant++): MintedTokens {
    const user = this.usersById.get(userId);
    if (!user) throw new Error(`fake Twitch: no user id ${userId}`);
    const accessToken = this.secret();
    const refreshToken = this.secret(50);
    const expiresAt = this.now() + this.accessTokenTtlSeconds * 1000;
    this.accessTokens.set(accessToken, {
      userId,
      login: user.login,
      scopes: [...scopes],
      clientId,
      expiresAt,
      grantId,
    });
    this.refreshTokens.set(refreshToken, { userId, scopes: [...scopes], clientId, grantId });
    return { accessToken, refreshToken, expiresIn: this.accessTokenTtlSeconds };
  }

  /** A live (not expired, not revoked) access token. */
  lookup(accessToken: string): (FakeTokenInfo & { grantId: number }) | null {
    const info = this.accessTokens.get(accessToken);
    if (!info || info.expiresAt <= this.now()) return null;
    return info;
  }

  revokeGrant(grantId: number): void {
    for (const [t, info] of this.accessTokens) if (info.grantId === grantId) this.accessTokens.delete(t);
    for (const [t, info] of this.refreshTokens) if (info.grantId === grantId) this.refreshTokens.delete(t);
  }

  onTokenUse(listener: (accessToken: string, where: string) => void): () => void {
    this.tokenUseListeners.add(listener);
    return () => this.tokenUseListeners.delete(listener);
  }

  tokenUsed(accessToken: string, where: string): void {
    for (const listener of this.tokenUseListeners) listener(accessToken, where);
  }

  authorize(headers: IncomingHttpHeaders): FakeAuthorization {
    const auth = /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization'));
    if (!auth) return { ok: false, status: 401, message: 'OAuth token is missing' };
    const clientId = header(headers, 'client-id');
    if (!clientId) return { ok: false, status: 401, message: 'Client ID is missing' };
    const token = auth[1] ?? '';
    this.tokenUsed(token, 'helix');
    const info = this.lookup(token);
    if (!info) return { ok: false, status: 401, message: 'Invalid OAuth token' };
    if (info.clientId !== clientId)
      return { ok: false, status: 401, message: 'Client ID and OAuth token do not match' };
    const { grantId: _grantId, ...plain } = info;
    return { ok: true, token: plain };
  }
}
