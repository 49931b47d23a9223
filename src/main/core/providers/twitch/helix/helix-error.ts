import type { ErrorCode } from '../../../../../shared/api';

/** A failed Helix call. `message` is user-facing; `twitchMessage` is what Twitch said (for logs and 400s). */
export class HelixError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly twitchMessage: string,
  ) {
    super(message);
    this.name = 'HelixError';
  }

  /** `Missing scope: moderator:manage:banned_users` → the scope, else null. */
  get missingScope(): string | null {
    const match = /missing (?:required )?scope:?\s*([a-z:_]+)/i.exec(this.twitchMessage);
    return match?.[1] ?? null;
  }
}

export function errorCodeFor(status: number): ErrorCode {
  switch (status) {
    case 0:
      return 'offline';
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
    case 422:
      return status === 413 ? 'too-large' : 'rejected';
    case 425:
    case 429:
      return 'rate-limited';
    default:
      return 'internal';
  }
}

/** Default user-facing text for a status; moderation replaces it with action-specific wording. */
export function defaultHelixMessage(status: number, twitchMessage: string): string {
  const scope = /missing (?:required )?scope:?\s*([a-z:_]+)/i.exec(twitchMessage)?.[1];
  if (status === 401 && scope) return `OnAir lacks the permission "${scope}" — log in again.`;
  if (status === 401 && /must match/i.test(twitchMessage)) return 'Twitch says this account may not do that.';
  switch (status) {
    case 0:
      return 'Could not reach Twitch — check the connection.';
    case 401:
      return 'Your Twitch login expired — log in again.';
    case 403:
      return 'Twitch says you are not allowed to do that.';
    case 404:
      return 'Twitch could not find that.';
    case 409:
      return 'Someone else changed this at the same time — try again.';
    case 425:
    case 429:
      return 'Twitch rate limit — wait a moment.';
    case 400:
    case 422:
      return twitchMessage || 'Twitch refused the request.';
    default:
      return `Twitch had a problem (HTTP ${status}) — try again.`;
  }
}

export function helixError(status: number, twitchMessage: string): HelixError {
  return new HelixError(
    status,
    errorCodeFor(status),
    defaultHelixMessage(status, twitchMessage),
    twitchMessage,
  );
}
