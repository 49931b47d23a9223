import type { Alert, AlertType, AlertUser, MessagePart, SourceRef } from '../events';

const TEST_USER: AlertUser = { id: 'test-user', login: 'onair_tester', displayName: 'OnAirTester' };

const text = (value: string): MessagePart[] => [{ type: 'text', text: value }];

type SampleDetails = Omit<Alert, 'kind' | 'id' | 'source' | 'alertType' | 'serverTime' | 'receivedAt'>;

/** What each test alert carries: typical amounts, so templates and sizes look as they will live. */
const SAMPLES: Record<AlertType, SampleDetails> = {
  donation: {
    user: TEST_USER,
    amount: { value: '5.00', currency: 'USD' },
    message: text('This is a test donation. Great stream!'),
  },
  cheer: {
    user: TEST_USER,
    bits: 100,
    message: [
      { type: 'cheer', text: 'Cheer100', prefix: 'Cheer', bits: 100 },
      ...text(' This is a test cheer!'),
    ],
  },
  sub: {
    user: TEST_USER,
    tier: '1000',
    months: 1,
    message: null,
    systemText: 'OnAirTester subscribed at Tier 1.',
  },
  resub: {
    user: TEST_USER,
    tier: '1000',
    months: 12,
    message: text('A whole year already! (test)'),
    systemText: "OnAirTester subscribed at Tier 1. They've subscribed for 12 months!",
  },
  giftsub: {
    user: TEST_USER,
    tier: '1000',
    count: 10,
    message: null,
    systemText: "OnAirTester is gifting 10 Tier 1 Subs to the channel's community!",
  },
  raid: { user: TEST_USER, count: 42, message: null, systemText: '42 raiders from OnAirTester have joined!' },
  follow: { user: TEST_USER, message: null },
  redemption: { user: TEST_USER, title: 'Hydrate!', message: null },
  announcement: { user: TEST_USER, message: text('This is a test announcement.') },
};

/** A realistic sample alert of one type, for the "test alert" buttons. */
export function buildSampleAlert(alertType: AlertType, source: SourceRef, id: string, now: number): Alert {
  return {
    kind: 'alert',
    id,
    source,
    alertType,
    ...structuredClone(SAMPLES[alertType]),
    serverTime: now,
    receivedAt: now,
  };
}

export const TEST_ALERT_PREFIX = 'test-';

/** Test alerts are recognised by their id (`test-<n>`); they bypass the minimum-amount filter. */
export function isTestAlert(alert: Alert): boolean {
  return alert.id.startsWith(TEST_ALERT_PREFIX);
}

type Condition = { minAmount?: number; tier?: string; minMonths?: number };

/** Adjusts a sample so that a variation's conditions hold (the console's per-variation test button). */
export function fitSampleTo(alert: Alert, when: Condition): Alert {
  const next: Alert = { ...alert };
  if (when.tier !== undefined) next.tier = when.tier;
  if (when.minMonths !== undefined) next.months = Math.max(next.months ?? 0, when.minMonths);
  const amount = when.minAmount;
  if (amount === undefined) return next;
  if (alert.alertType === 'cheer') {
    const bits = Math.max(next.bits ?? 0, Math.ceil(amount));
    next.bits = bits;
    next.message = [
      { type: 'cheer', text: `Cheer${bits}`, prefix: 'Cheer', bits },
      ...(alert.message ?? []).filter((part) => part.type !== 'cheer'),
    ];
  } else if (alert.alertType === 'donation' && next.amount) {
    const value = Math.max(Number(next.amount.value), amount);
    next.amount = { ...next.amount, value: value.toFixed(2) };
  } else if (alert.alertType === 'giftsub' || alert.alertType === 'raid') {
    next.count = Math.max(next.count ?? 1, Math.ceil(amount));
  }
  return next;
}
