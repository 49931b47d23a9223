import type { Alert } from '../../../shared/events';

/** How long an alert key blocks an equal one (IRC and EventSub report the same sub/cheer seconds apart). */
export const ALERT_DEDUPE_WINDOW_MS = 60_000;

/**
 * The rule (docs/events.md): two alerts are the same event when they come from the same source, have the same
 * type, the same user (lower-case login, or anonymous) and the same amount (bits, gift count, raid viewers,
 * months or money) within the window. Sources may set `dedupeKey` to override.
 */
export function alertDedupeKey(alert: Alert): string {
  if (alert.dedupeKey) return alert.dedupeKey;
  const who = alert.user.login?.toLowerCase() ?? (alert.user.id ? `id:${alert.user.id}` : 'anon');
  const amount = alert.bits ?? alert.count ?? alert.months ?? alert.amount?.value ?? '';
  return `${alert.source.sourceId}|${alert.alertType}|${who}|${amount}`;
}

/** Remembers recent alert keys; bounded by the window (old keys are swept as new ones arrive). */
export class AlertDeduper {
  private readonly seen = new Map<string, number>();
  dropped = 0;

  constructor(private readonly windowMs = ALERT_DEDUPE_WINDOW_MS) {}

  /** True when the alert is new; false when it repeats one seen within the window. */
  admit(alert: Alert, now: number): boolean {
    this.sweep(now);
    const key = alertDedupeKey(alert);
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.windowMs) {
      this.dropped += 1;
      return false;
    }
    this.seen.set(key, now);
    return true;
  }

  private sweep(now: number): void {
    // Map iterates in insertion order, so the oldest keys come first.
    for (const [key, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(key);
    }
  }
}
