export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Fraction of the delay randomised either way (0.3 = ±30 %). */
  jitter: number;
}

/** Services where a missed minute costs little (EventSub resubscribes on every fresh session). */
export const defaultBackoff: BackoffOptions = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.3 };

/**
 * Chat (Twitch IRC, ChatKC): every second offline is chat the viewer does not see (Twitch never replays it,
 * ChatKC replays only 50 lines). Small steps while a server restarts: whatever the jitter, an outage of up to
 * 2 s is bridged within 3 s (0.5, 0.75, 1.1, 1.7 s … between tries, test/unit/backoff.test.ts checks it);
 * then at most one try every 10 s while it stays down.
 */
export const chatBackoff: BackoffOptions = { initialMs: 500, maxMs: 10_000, factor: 1.5, jitter: 0.15 };

/** Exponential backoff with jitter: delay for the n-th consecutive failure (n starts at 0). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  const spread = base * options.jitter;
  return Math.max(0, Math.round(base - spread + random() * 2 * spread));
}
