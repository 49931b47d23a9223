import type { ActionResult, ModAction } from '../../../../../shared/api';
import type { Capability } from '../../../../../shared/events';
import type { Clock } from '../../../clock';
import { systemClock } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { TwitchAuth, TwitchChannel, TwitchModeration } from '../account';
import { ACTION_SCOPES, capabilitiesForScopes } from './capabilities';
import type { HelixClient } from './helix-client';
import { HelixError } from './helix-error';
import { ModerationInputError, moderationRequest } from './moderation-requests';

export interface TwitchModerationOptions {
  helix: HelixClient;
  auth: TwitchAuth;
  log: Logger;
  clock?: Clock;
  /** Wait before the single retry of a 409 (someone else changing the same ban). */
  conflictRetryMs?: number;
}

const fail = (code: Extract<ActionResult, { ok: false }>['code'], message: string): ActionResult => ({
  ok: false,
  code,
  message,
});

function roleFailure(
  action: ModAction,
  channel: TwitchChannel,
  code: 'unauthorized' | 'forbidden',
): ActionResult {
  if (action.type === 'mod' || action.type === 'unmod') {
    return fail(code, `Only the broadcaster of #${channel.login} can add or remove moderators.`);
  }
  return fail(code, `You are not a moderator of #${channel.login}.`);
}

/** User-facing text for a failed action (Chatterino-style wording: say what happened and what to do). */
export function moderationFailure(
  action: ModAction,
  channel: TwitchChannel,
  error: HelixError,
): ActionResult {
  const scope = error.missingScope;
  switch (error.status) {
    case 401:
      if (scope) return fail('unauthorized', `OnAir lacks the permission "${scope}" — log in again.`);
      // "The ID in broadcaster_id must match the user ID found in the request's OAuth token."
      if (/must match/i.test(error.twitchMessage)) return roleFailure(action, channel, 'unauthorized');
      return fail('unauthorized', error.message);
    case 403:
      return roleFailure(action, channel, 'forbidden');
    case 404:
      if (action.type === 'delete') return fail('not-found', 'That message is gone or older than 6 hours.');
      if (action.type === 'automod')
        return fail('not-found', 'That held message was already handled or expired.');
      return fail('not-found', 'Twitch could not find that user or message.');
    case 409:
      if (action.type === 'warn') return fail('conflict', 'Someone else is warning this user — try again.');
      return fail('conflict', "Someone else is changing this user's ban — try again.");
    case 425:
    case 429:
      return fail('rate-limited', 'Twitch rate limit — wait a moment.');
    default:
      return fail(error.code, error.message);
  }
}

class HelixModeration implements TwitchModeration {
  private readonly clock: Clock;

  constructor(private readonly options: TwitchModerationOptions) {
    this.clock = options.clock ?? systemClock;
  }

  capabilities(): Capability[] {
    return capabilitiesForScopes(this.options.auth.token()?.scopes ?? null);
  }

  async act(channel: TwitchChannel, action: ModAction): Promise<ActionResult> {
    const token = this.options.auth.token();
    if (!token) return fail('unauthorized', 'Log in to Twitch to moderate.');
    const scope = ACTION_SCOPES[action.type];
    if (!scope) return fail('unsupported', `Twitch has no "${action.type}" action.`);
    if (!token.scopes.includes(scope))
      return fail('unauthorized', `OnAir lacks the permission "${scope}" — log in again.`);
    try {
      const broadcasterId = channel.roomId ?? (await this.userId(channel.login));
      const request = await moderationRequest(action, { broadcasterId, moderatorId: token.userId }, (login) =>
        this.userId(login),
      );
      await this.withConflictRetry(() => this.options.helix.request(request));
      this.options.log.info(`${action.type} in #${channel.login}: ok`);
      return { ok: true, local: false };
    } catch (error) {
      return this.failure(channel, action, error);
    }
  }

  private failure(channel: TwitchChannel, action: ModAction, error: unknown): ActionResult {
    if (error instanceof ModerationInputError) return fail('bad-request', error.message);
    if (error instanceof HelixError) {
      this.options.log.warn(
        `${action.type} in #${channel.login} failed: HTTP ${error.status} ${error.twitchMessage}`,
      );
      return moderationFailure(action, channel, error);
    }
    this.options.log.error(`${action.type} in #${channel.login} failed unexpectedly`, error);
    return fail('internal', 'Something went wrong in OnAir — see the log.');
  }

  private async userId(login: string): Promise<string> {
    const user = await this.options.helix.getUserByLogin(login);
    if (!user) throw new ModerationInputError(`There is no Twitch user called "${login}".`);
    return user.id;
  }

  /** A 409 means a concurrent change of the same ban/warning: Twitch asks to retry once after a short pause. */
  private async withConflictRetry<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof HelixError) || error.status !== 409) throw error;
      await new Promise<void>((resolve) =>
        this.clock.setTimeout(resolve, this.options.conflictRetryMs ?? 500),
      );
      return call();
    }
  }
}

export function createTwitchModeration(options: TwitchModerationOptions): TwitchModeration {
  return new HelixModeration(options);
}
