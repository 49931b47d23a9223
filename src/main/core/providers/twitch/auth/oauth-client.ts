/**
 * Thin client for id.twitch.tv/oauth2 (device, token, validate, revoke). It only speaks HTTP: policy
 * (single-flight refresh, persistence, state) lives in the auth service. Never logs; callers must not log
 * request bodies either.
 */

import { parseJsonOrNull } from '../../../net/parse-json';

export type OAuthResult<T> =
  | { ok: true; status: number; body: T }
  /** `status` 0 = network failure or timeout. `message` is Twitch's code/text (e.g. `authorization_pending`). */
  | { ok: false; status: number; message: string };

export interface DeviceCodeResponse {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresInSeconds: number;
  intervalSeconds: number;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string | null;
  scopes: string[] | null;
  expiresInSeconds: number | null;
}

export interface ValidateResponse {
  clientId: string;
  login: string;
  userId: string;
  scopes: string[];
  expiresInSeconds: number | null;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null;

/** Twitch puts OAuth error codes in `message`; RFC-style servers use `error`. Accept both. */
export function oauthErrorMessage(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as Json;
    const text = str(b.message) ?? str(b.error_description) ?? str(b.error);
    if (text) return text;
  }
  return `HTTP ${status}`;
}

export class OAuthClient {
  constructor(
    private readonly base: string,
    private readonly clientId: string,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async requestDeviceCode(scopes: string[]): Promise<OAuthResult<DeviceCodeResponse>> {
    const r = await this.call('POST', '/device', { client_id: this.clientId, scopes: scopes.join(' ') });
    if (!r.ok) return r;
    const deviceCode = str(r.body.device_code);
    const userCode = str(r.body.user_code);
    const verificationUri = str(r.body.verification_uri);
    if (!deviceCode || !userCode || !verificationUri) return malformed(r.status);
    return {
      ok: true,
      status: r.status,
      body: {
        deviceCode,
        userCode,
        verificationUri,
        expiresInSeconds: num(r.body.expires_in) ?? 1800,
        intervalSeconds: num(r.body.interval) ?? 5,
      },
    };
  }

  async pollDeviceToken(deviceCode: string, scopes: string[]): Promise<OAuthResult<TokenResponse>> {
    return this.tokenCall({
      client_id: this.clientId,
      scopes: scopes.join(' '),
      device_code: deviceCode,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    });
  }

  /** Public client: no secret. */
  async refresh(refreshToken: string): Promise<OAuthResult<TokenResponse>> {
    return this.tokenCall({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: this.clientId,
    });
  }

  async validate(accessToken: string): Promise<OAuthResult<ValidateResponse>> {
    const r = await this.call('GET', '/validate', null, { Authorization: `OAuth ${accessToken}` });
    if (!r.ok) return r;
    const login = str(r.body.login);
    const userId = str(r.body.user_id);
    if (!login || !userId) return { ok: false, status: 401, message: 'not a user access token' };
    return {
      ok: true,
      status: r.status,
      body: {
        clientId: str(r.body.client_id) ?? '',
        login,
        userId,
        // `scopes` is null when the token has none (twitchdev/issues#1037).
        scopes: strings(r.body.scopes) ?? [],
        expiresInSeconds: num(r.body.expires_in),
      },
    };
  }

  async revoke(accessToken: string): Promise<OAuthResult<null>> {
    const r = await this.call('POST', '/revoke', { client_id: this.clientId, token: accessToken });
    return r.ok ? { ok: true, status: r.status, body: null } : r;
  }

  private async tokenCall(form: Record<string, string>): Promise<OAuthResult<TokenResponse>> {
    const r = await this.call('POST', '/token', form);
    if (!r.ok) return r;
    const accessToken = str(r.body.access_token);
    if (!accessToken) return malformed(r.status);
    const scope = r.body.scope;
    return {
      ok: true,
      status: r.status,
      body: {
        accessToken,
        refreshToken: str(r.body.refresh_token),
        scopes: typeof scope === 'string' ? scope.split(' ').filter(Boolean) : strings(scope),
        expiresInSeconds: num(r.body.expires_in),
      },
    };
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    form: Record<string, string> | null,
    headers: Record<string, string> = {},
  ): Promise<OAuthResult<Json>> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}${path}`, {
        method,
        headers: form ? { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' } : headers,
        body: form ? new URLSearchParams(form).toString() : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, status: 0, message: error instanceof Error ? error.name : 'network error' };
    }
    const text = await response.text().catch(() => '');
    const body = parseJsonOrNull(text);
    if (!response.ok)
      return { ok: false, status: response.status, message: oauthErrorMessage(body, response.status) };
    const obj = body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : {};
    return { ok: true, status: response.status, body: obj };
  }
}

function malformed(status: number): { ok: false; status: number; message: string } {
  return { ok: false, status, message: 'malformed response from Twitch' };
}
