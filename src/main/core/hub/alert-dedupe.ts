import type { Alert, AlertOrigin, AlertType } from '../../../shared/events';

/** How long an alert can absorb its report from the other transport (IRC and EventSub are seconds apart). */
export const ALERT_DEDUPE_WINDOW_MS = 60_000;

/** Types Twitch reports on both IRC and EventSub. Follows and redemptions come from EventSub only. */
const BOTH_TRANSPORTS = new Set<AlertType>(['cheer', 'sub', 'resub', 'giftsub', 'raid', 'announcement']);

/*
 * The rule (docs/events.md "Alert de-duplication"). Two alerts are one event only when
 *  - they carry the same `dedupeKey` (the source's own id for the event), or
 *  - they come from the same transport with the same event id (a redelivery), or
 *  - one came over IRC and the other over EventSub, and they agree on source, type (one both transports
 *    report), user (lower-case login; anonymous matches only anonymous), amount (bits, months, gift count,
 *    raid viewers), a single gift's recipient when both name it, and an announcement's text.
 * Anything else is a separate event: two EventSub notifications with different message ids, two IRC lines
 * with different ids, and every alert without an origin (ChatKC, demo) or id. Each alert absorbs at most one
 * report from the other transport, so two equal cheers over IRC and two over EventSub make two alerts.
 */

const originKey = (origin: AlertOrigin): string => `${origin.transport}|${origin.eventId}`;

/** The fields both transports must agree on; finer checks (recipient, text) are in `sameDetails`. */
export function crossTransportKey(alert: Alert): string | null {
  if (!alert.origin || !BOTH_TRANSPORTS.has(alert.alertType)) return null;
  const who = alert.user.login?.toLowerCase() ?? 'anonymous';
  const amount = alert.bits ?? alert.count ?? alert.months ?? '';
  return `${alert.source.sourceId}|${alert.alertType}|${who}|${amount}`;
}

const textOf = (alert: Alert): string => (alert.message ?? []).map((part) => part.text).join('');

function sameDetails(a: Alert, b: Alert): boolean {
  if (a.alertType === 'giftsub' && a.count === 1 && a.title && b.title && a.title !== b.title) return false;
  if (a.alertType === 'announcement' && textOf(a) !== textOf(b)) return false;
  return true;
}

/** True when `a` and `b` are reports of one event (the rule above, without the time window). */
export function sameEvent(a: Alert, b: Alert): boolean {
  if (a.dedupeKey !== undefined || b.dedupeKey !== undefined) return a.dedupeKey === b.dedupeKey;
  if (!a.origin || !b.origin) return false;
  if (a.origin.transport === b.origin.transport) return a.origin.eventId === b.origin.eventId;
  const key = crossTransportKey(a);
  return key !== null && key === crossTransportKey(b) && sameDetails(a, b);
}

interface Shown {
  alert: Alert;
  at: number;
  /** Transports that reported this event so far. */
  reportedBy: Set<AlertOrigin['transport']>;
  /** Index keys pointing at this entry, removed when it expires. */
  ids: string[];
  crossKey: string | null;
}

/** Remembers the alerts shown within the window, indexed by id and by cross-transport key (Maps only). */
export class AlertDeduper {
  private readonly shown: Shown[] = [];
  private readonly byId = new Map<string, Shown>();
  private readonly byCrossKey = new Map<string, Shown[]>();
  dropped = 0;

  constructor(private readonly windowMs = ALERT_DEDUPE_WINDOW_MS) {}

  /** True when the alert is a new event; false when it repeats one shown within the window. */
  admit(alert: Alert, now: number): boolean {
    this.sweep(now);
    const earlier = this.findById(alert) ?? this.findOtherTransport(alert);
    if (earlier) {
      this.absorb(earlier, alert);
      this.dropped += 1;
      return false;
    }
    this.remember(alert, now);
    return true;
  }

  private findById(alert: Alert): Shown | undefined {
    if (alert.dedupeKey !== undefined) return this.byId.get(`key|${alert.dedupeKey}`);
    return alert.origin ? this.byId.get(originKey(alert.origin)) : undefined;
  }

  /** The oldest shown alert from the other transport that this one matches and that has no such report yet. */
  private findOtherTransport(alert: Alert): Shown | undefined {
    const key = crossTransportKey(alert);
    const transport = alert.origin?.transport;
    if (key === null || !transport) return undefined;
    return this.byCrossKey
      .get(key)
      ?.find((shown) => !shown.reportedBy.has(transport) && sameEvent(shown.alert, alert));
  }

  private absorb(shown: Shown, alert: Alert): void {
    if (!alert.origin) return;
    shown.reportedBy.add(alert.origin.transport);
    const id = originKey(alert.origin);
    if (!this.byId.has(id)) {
      this.byId.set(id, shown); // a redelivery of the absorbed report is dropped too
      shown.ids.push(id);
    }
  }

  private remember(alert: Alert, now: number): void {
    const ids: string[] = [];
    if (alert.dedupeKey !== undefined) ids.push(`key|${alert.dedupeKey}`);
    else if (alert.origin) ids.push(originKey(alert.origin));
    const crossKey = crossTransportKey(alert);
    const shown: Shown = { alert, at: now, reportedBy: new Set(), ids, crossKey };
    if (alert.origin) shown.reportedBy.add(alert.origin.transport);
    if (ids.length === 0 && crossKey === null) return; // nothing could ever match it
    this.shown.push(shown);
    for (const id of ids) this.byId.set(id, shown);
    if (crossKey !== null) this.byCrossKey.set(crossKey, [...(this.byCrossKey.get(crossKey) ?? []), shown]);
  }

  private sweep(now: number): void {
    let expired = 0;
    while (expired < this.shown.length && now - (this.shown[expired] as Shown).at >= this.windowMs) {
      this.forget(this.shown[expired] as Shown);
      expired += 1;
    }
    if (expired > 0) this.shown.splice(0, expired);
  }

  private forget(shown: Shown): void {
    for (const id of shown.ids) if (this.byId.get(id) === shown) this.byId.delete(id);
    if (shown.crossKey === null) return;
    const rest = (this.byCrossKey.get(shown.crossKey) ?? []).filter((other) => other !== shown);
    if (rest.length > 0) this.byCrossKey.set(shown.crossKey, rest);
    else this.byCrossKey.delete(shown.crossKey);
  }
}
