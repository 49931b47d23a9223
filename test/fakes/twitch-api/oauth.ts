import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeTwitchStore } from './fake-state';
import { readForm, sendEmpty, sendJson, sendOAuthError } from './http-util';

interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  intervalMs: number;
  lastPollAt: number | null;
  status: 'pending' | 'approved' | 'denied';
  userId?: string;
  grantedScopes?: string[];
}

export interface FakeOAuthOptions {
  deviceIntervalSeconds: number;
  deviceExpiresSeconds: number;
  /** Polls closer together than this get `slow_down` (defaults to the announced interval). */
  enforcedIntervalSeconds?: number;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/**
 * id.twitch.tv/oauth2 as Twitch behaves (docs/protocol-twitch.md §4): Device Code grant, single-use refresh
 * tokens for a public client, /validate (OAuth or Bearer), /revoke. Errors carry the code in `message`.
 */
export class FakeOAuth {
  readonly counters = {
    deviceRequests: 0,
    tokenPolls: 0,
    slowDowns: 0,
    refreshCount: 0,
    validateCount: 0,
    revokeCount: 0,
  };
  private readonly devices = new Map<string, DeviceGrant>();

  constructor(
    private readonly store: FakeTwitchStore,
    private readonly options: FakeOAuthOptions,
  ) {}

  /** Handles `/oauth2/*` (path without the prefix). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    if (req.method === 'POST' && path === '/device') return this.device(res, await readForm(req, url));
    if (req.method === 'POST' && path === '/token') return this.token(res, await readForm(req, url));
    if (req.method === 'GET' && path === '/validate') return this.validate(req, res);
    if (req.method === 'POST' && path === '/revoke') return this.revoke(res, await readForm(req, url));
    sendOAuthError(res, 404, 'not found');
  }

  approve(userCode: string, login: string, scopes?: string[]): void {
    const grant = this.byUserCode(userCode);
    grant.status = 'approved';
    grant.userId = this.store.userByLogin(login).id;
    grant.grantedScopes = scopes ?? grant.scopes;
  }

  deny(userCode: string): void {
    this.byUserCode(userCode).status = 'denied';
  }

  expire(userCode: string): void {
    this.byUserCode(userCode).expiresAt = this.store.now() - 1;
  }

  pendingUserCodes(): string[] {
    return [...this.devices.values()].filter((d) => d.status === 'pending').map((d) => d.userCode);
  }

  private byUserCode(userCode: string): DeviceGrant {
    const grant = [...this.devices.values()].find((d) => d.userCode === userCode);
    if (!grant) throw new Error(`fake Twitch: unknown user code ${userCode}`);
    return grant;
  }

  private device(res: ServerResponse, form: URLSearchParams): void {
    this.counters.deviceRequests += 1;
    if (form.get('client_id') !== this.store.clientId) return sendOAuthError(res, 400, 'invalid client');
    const deviceCode = this.store.secret(40);
    const userCode = Array.from({ length: 8 }, () =>
      String.fromCharCode(65 + Math.floor(Math.random() * 26)),
    ).join('');
    const scopes = (form.get('scopes') ?? '').split(' ').filter(Boolean);
    this.devices.set(deviceCode, {
      deviceCode,
      userCode,
      clientId: this.store.clientId,
      scopes,
      expiresAt: this.store.now() + this.options.deviceExpiresSeconds * 1000,
      intervalMs: (this.options.enforcedIntervalSeconds ?? this.options.deviceIntervalSeconds) * 1000,
      lastPollAt: null,
      status: 'pending',
    });
    sendJson(res, 200, {
      device_code: deviceCode,
      expires_in: this.options.deviceExpiresSeconds,
      interval: this.options.deviceIntervalSeconds,
      user_code: userCode,
      verification_uri: `https://www.twitch.tv/activate?device-code=${userCode}`,
    });
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    if (form.get('client_id') !== this.store.clientId) return sendOAuthError(res, 400, 'invalid client');
    const grantType = form.get('grant_type');
    if (grantType === DEVICE_GRANT) return this.pollDevice(res, form.get('device_code') ?? '');
    if (grantType === 'refresh_token') return this.refresh(res, form.get('refresh_token') ?? '');
    sendOAuthError(res, 400, 'unsupported grant type');
  }

  private pollDevice(res: ServerResponse, deviceCode: string): void {
    this.counters.tokenPolls += 1;
    const grant = this.devices.get(deviceCode);
    const now = this.store.now();
    if (!grant || grant.expiresAt <= now) return sendOAuthError(res, 400, 'invalid device code');
    const tooFast = grant.lastPollAt !== null && now - grant.lastPollAt < grant.intervalMs;
    grant.lastPollAt = now;
    if (tooFast) {
      this.counters.slowDowns += 1;
      return sendOAuthError(res, 400, 'slow_down');
    }
    if (grant.status === 'pending') return sendOAuthError(res, 400, 'authorization_pending');
    this.devices.delete(deviceCode); // a device code is used once
    if (grant.status === 'denied' || !grant.userId) return sendOAuthError(res, 400, 'authorization_denied');
    const scopes = grant.grantedScopes ?? grant.scopes;
    const minted = this.store.mint(grant.userId, scopes, grant.clientId);
    sendJson(res, 200, {
      access_token: minted.accessToken,
      expires_in: minted.expiresIn,
      refresh_token: minted.refreshToken,
      scope: scopes,
      token_type: 'bearer',
    });
  }

  private refresh(res: ServerResponse, refreshToken: string): void {
    const info = this.store.refreshTokens.get(refreshToken);
    if (!info) return sendOAuthError(res, 400, 'Invalid refresh token');
    // Single use: the old refresh token dies now; the old access token lives until it expires.
    this.store.refreshTokens.delete(refreshToken);
    this.counters.refreshCount += 1;
    const minted = this.store.mint(info.userId, info.scopes, info.clientId, info.grantId);
    sendJson(res, 200, {
      access_token: minted.accessToken,
      expires_in: minted.expiresIn,
      refresh_token: minted.refreshToken,
      scope: info.scopes,
      token_type: 'bearer',
    });
  }

  private validate(req: IncomingMessage, res: ServerResponse): void {
    this.counters.validateCount += 1;
    const match = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (match?.[1]) this.store.tokenUsed(match[1], 'validate');
    const info = match?.[1] ? this.store.lookup(match[1]) : null;
    if (!info) return sendOAuthError(res, 401, 'invalid access token');
    sendJson(res, 200, {
      client_id: info.clientId,
      login: info.login,
      // Twitch sends null, not [], for a token without scopes (twitchdev/issues#1037).
      scopes: info.scopes.length > 0 ? info.scopes : null,
      user_id: info.userId,
      expires_in: Math.max(0, Math.floor((info.expiresAt - this.store.now()) / 1000)),
    });
  }

  private revoke(res: ServerResponse, form: URLSearchParams): void {
    this.counters.revokeCount += 1;
    if (form.get('client_id') !== this.store.clientId)
      return sendOAuthError(res, 404, 'client does not exist');
    const info = this.store.accessTokens.get(form.get('token') ?? '');
    if (!info) return sendOAuthError(res, 400, 'Invalid token');
    this.store.revokeGrant(info.grantId);
    sendEmpty(res, 200);
  }
}
