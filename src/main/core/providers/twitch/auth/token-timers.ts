import { setLongTimeout, type Clock, type LongTimer } from '../../../clock';
import { registerSecret } from '../../../log/mask';
import type { TwitchToken } from '../account';
import type { TokenResponse, ValidateResponse } from './oauth-client';

/**
 * The two recurring jobs of a login: refresh before expiry, validate every hour (Twitch requires it). Both go
 * through `setLongTimeout`: `expires_in` is Twitch's to choose, and a 30-day token overflows a plain timer.
 */
export class TokenTimers {
  private validateTimer: LongTimer | null = null;
  private refreshTimer: LongTimer | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly intervals: { validateIntervalMs?: number; refreshLeadMs?: number },
    private readonly jobs: { refresh(accessToken: string): void; validate(): void },
  ) {}

  get refreshScheduled(): boolean {
    return this.refreshTimer !== null;
  }

  scheduleRefresh(token: TwitchToken | null): void {
    this.refreshTimer?.cancel();
    this.refreshTimer = null;
    if (!token?.expiresAt) return;
    const remaining = Math.max(0, token.expiresAt - this.clock.now());
    // `lead` before expiry, but never sooner than half the remaining life: short-lived tokens cannot loop.
    const delay = Math.max(remaining - (this.intervals.refreshLeadMs ?? 300_000), remaining / 2);
    this.refreshTimer = setLongTimeout(
      this.clock,
      () => {
        this.refreshTimer = null;
        this.jobs.refresh(token.accessToken);
      },
      delay,
    );
  }

  scheduleValidation(): void {
    this.validateTimer?.cancel();
    this.validateTimer = setLongTimeout(
      this.clock,
      () => {
        this.validateTimer = null;
        this.jobs.validate();
      },
      this.intervals.validateIntervalMs ?? 3_600_000,
    );
  }

  clear(): void {
    this.validateTimer?.cancel();
    this.refreshTimer?.cancel();
    this.validateTimer = null;
    this.refreshTimer = null;
  }
}

/** A token from a /token answer; identity comes from the previous token until /validate fills it in. */
export function tokenFromResponse(
  t: TokenResponse,
  previous: TwitchToken | null,
  clientId: string,
  now: number,
): TwitchToken {
  registerSecret(t.accessToken);
  registerSecret(t.refreshToken);
  return {
    accessToken: t.accessToken,
    userId: previous?.userId ?? '',
    login: previous?.login ?? '',
    scopes: t.scopes ?? previous?.scopes ?? [],
    clientId,
    expiresAt: t.expiresInSeconds === null ? null : now + t.expiresInSeconds * 1000,
  };
}

export function withValidation(token: TwitchToken, v: ValidateResponse, now: number): TwitchToken {
  const expiresAt = v.expiresInSeconds === null ? token.expiresAt : now + v.expiresInSeconds * 1000;
  return { ...token, login: v.login, userId: v.userId, scopes: v.scopes, expiresAt };
}
