import type { SourceStatus } from '../../../shared/events';
import { plainConnectionError, type PlainError } from '../../../shared/connection-error';

/** States in which a source is not delivering chat and the moderator should know. */
export const TROUBLE_STATES: ReadonlySet<SourceStatus['state']> = new Set([
  'reconnecting',
  'failed',
  'login-needed',
]);

export const inTrouble = (status: SourceStatus): boolean => TROUBLE_STATES.has(status.state);

/** "in 4 s" until the retry time, "now" once it passed (the attempt is under way). */
export function retryIn(retryAt: number | null | undefined, now: number): string {
  if (!retryAt || retryAt <= now) return 'now';
  return `in ${Math.max(1, Math.ceil((retryAt - now) / 1000))} s`;
}

/**
 * The headline of a source in trouble, e.g. "Disconnected from Twitch #x — retrying" + " in 4 s". The countdown
 * is separate so a live region announces the headline once, not every second.
 */
export function troubleHeadline(status: SourceStatus, now: number): { lead: string; countdown: string } {
  switch (status.state) {
    case 'reconnecting':
      return status.retryAt && status.retryAt > now
        ? {
            lead: `Disconnected from ${status.label} — retrying`,
            countdown: ` ${retryIn(status.retryAt, now)}`,
          }
        : { lead: `Disconnected from ${status.label} — reconnecting now…`, countdown: '' };
    case 'login-needed':
      return { lead: `${status.label} needs a login — it stopped trying`, countdown: '' };
    default:
      return { lead: `Can't connect to ${status.label} — it stopped trying`, countdown: '' };
  }
}

/** The short state word for a header chip ("retrying in 4 s", "offline", "log in"); null when fine. */
export function chipState(status: SourceStatus, now: number): string | null {
  switch (status.state) {
    case 'reconnecting':
      return status.retryAt ? `retrying ${retryIn(status.retryAt, now)}` : 'reconnecting…';
    case 'connecting':
      return 'connecting…';
    case 'failed':
      return 'offline';
    case 'login-needed':
      return 'log in';
    case 'stopped':
      return 'stopped';
    default:
      return null;
  }
}

/** The status's error in plain words (null when it has none). */
export function plainStatusError(status: SourceStatus): PlainError | null {
  return status.error ? plainConnectionError(status.error, status.source.provider) : null;
}

/** "12 s", "3 min", "1 h 5 min": how long an outage lasted. */
export function outageLength(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
