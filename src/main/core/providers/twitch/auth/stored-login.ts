import type { TwitchToken } from '../account';

/** What the secret store holds: one JSON object. Refresh tokens are single-use, so it is rewritten on each refresh. */
export interface StoredLogin {
  token: TwitchToken;
  refreshToken: string | null;
}

interface StoredLoginJson {
  v: 1;
  accessToken: string;
  refreshToken: string | null;
  userId: string;
  login: string;
  scopes: string[];
  clientId: string;
  expiresAt: number | null;
}

export function serializeLogin(login: StoredLogin): string {
  const json: StoredLoginJson = { v: 1, ...login.token, refreshToken: login.refreshToken };
  return JSON.stringify(json);
}

/** Null for anything that is not a login this version wrote (corrupt file, other format). */
export function parseStoredLogin(text: string): StoredLogin | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const j = raw as Partial<Record<keyof StoredLoginJson, unknown>>;
  const isStr = (v: unknown): v is string => typeof v === 'string';
  if (j.v !== 1 || !isStr(j.accessToken) || j.accessToken.length === 0) return null;
  if (!isStr(j.userId) || !isStr(j.login) || !isStr(j.clientId)) return null;
  const scopes = Array.isArray(j.scopes) ? j.scopes.filter(isStr) : [];
  const expiresAt = typeof j.expiresAt === 'number' && Number.isFinite(j.expiresAt) ? j.expiresAt : null;
  return {
    token: {
      accessToken: j.accessToken,
      userId: j.userId,
      login: j.login,
      scopes,
      clientId: j.clientId,
      expiresAt,
    },
    refreshToken: isStr(j.refreshToken) && j.refreshToken.length > 0 ? j.refreshToken : null,
  };
}
