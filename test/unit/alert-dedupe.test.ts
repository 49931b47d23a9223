import { describe, expect, it } from 'vitest';
import type { Alert, SourceRef } from '../../src/shared/events';
import { AlertDeduper, sameEvent } from '../../src/main/core/hub/alert-dedupe';
import { alert } from '../helpers/events';
import {
  createEventSubReporter,
  createIrcReporter,
  eventSubEvent as es,
  ircLine as irc,
  type EventSubCase,
} from '../helpers/twitch-alerts';

/**
 * The de-duplication rule (src/main/core/hub/alert-dedupe.ts, docs/events.md), one row per case: reports as
 * IRC and EventSub deliver them, in arrival order, through the real mappers; how many alerts the hub shows.
 */
const ref: SourceRef = { sourceId: 'twitch:streamer', provider: 'twitch', channel: 'streamer' };
const START = 1_700_000_000_000;

/** `again`: the last report reaches the hub a second time (its transport's own id cache missed it). */
type Report = { irc: string } | { es: EventSubCase } | { wait: number } | { again: true };

interface Row {
  what: string;
  reports: Report[];
  shown: number;
}

const SEPARATE: Row[] = [
  {
    what: 'the same viewer cheering 100 bits twice, 1.5 s apart (IRC first)',
    reports: [
      { irc: irc.cheer('c1', 'ada', 100) },
      { wait: 1500 },
      { irc: irc.cheer('c2', 'ada', 100) },
      { es: es.cheer('ada', 100) },
      { es: es.cheer('ada', 100) },
    ],
    shown: 2,
  },
  {
    what: 'the same viewer cheering 100 bits twice, 1.5 s apart (interleaved)',
    reports: [
      { irc: irc.cheer('c1', 'ada', 100) },
      { es: es.cheer('ada', 100) },
      { wait: 1500 },
      { irc: irc.cheer('c2', 'ada', 100) },
      { es: es.cheer('ada', 100) },
    ],
    shown: 2,
  },
  {
    what: 'two anonymous 100-bit cheers',
    reports: [
      { irc: irc.anonCheer('a1', 100) },
      { irc: irc.anonCheer('a2', 100) },
      { es: es.anonCheer(100) },
      { es: es.anonCheer(100) },
    ],
    shown: 2,
  },
  {
    what: 'the same viewer redeeming two different rewards',
    reports: [{ es: es.redemption('ada', 'Hydrate') }, { es: es.redemption('ada', 'Stretch') }],
    shown: 2,
  },
  {
    what: 'the same viewer redeeming one reward twice (two notifications, two ids)',
    reports: [{ es: es.redemption('ada', 'Hydrate') }, { es: es.redemption('ada', 'Hydrate') }],
    shown: 2,
  },
  {
    what: 'two follows from one user (EventSub only, different ids)',
    reports: [{ es: es.follow('ada') }, { es: es.follow('ada') }],
    shown: 2,
  },
  {
    what: 'two anonymous gift bombs of 5',
    reports: [
      { irc: irc.giftBomb('g1', null, 5) },
      { es: es.gift(null, 5) },
      { irc: irc.giftBomb('g2', null, 5) },
      { es: es.gift(null, 5) },
    ],
    shown: 2,
  },
  {
    what: 'four announcements from one moderator',
    reports: [1, 2, 3, 4].map((n) => ({ irc: irc.announcement(`n${n}`, 'mod_1', 'Giveaway at 8!') })),
    shown: 4,
  },
  {
    what: 'single gift subs from one gifter to two different recipients',
    reports: [
      { irc: irc.singleGift('s1', 'gifter', 'Bob') },
      { es: es.gift('gifter', 1) },
      { es: es.giftedSub('Bob') },
      { irc: irc.singleGift('s2', 'gifter', 'Cleo') },
      { es: es.gift('gifter', 1) },
      { es: es.giftedSub('Cleo') },
    ],
    shown: 2,
  },
  {
    what: 'an IRC cheer and an equal EventSub cheer more than a minute apart',
    reports: [{ irc: irc.cheer('c1', 'ada', 100) }, { wait: 61_000 }, { es: es.cheer('ada', 100) }],
    shown: 2,
  },
];

const SAME: Row[] = [
  {
    what: 'IRC cheer + EventSub channel.cheer',
    reports: [{ irc: irc.cheer('c1', 'ada', 100) }, { es: es.cheer('ada', 100) }],
    shown: 1,
  },
  {
    what: 'EventSub cheer first, then the IRC line',
    reports: [{ es: es.cheer('ada', 100) }, { wait: 2000 }, { irc: irc.cheer('c1', 'Ada', 100) }],
    shown: 1,
  },
  {
    what: 'anonymous IRC cheer + anonymous EventSub cheer',
    reports: [{ irc: irc.anonCheer('a1', 250) }, { es: es.anonCheer(250) }],
    shown: 1,
  },
  {
    what: 'IRC sub + channel.subscribe',
    reports: [{ irc: irc.sub('u1', 'ada') }, { es: es.sub('ada') }],
    shown: 1,
  },
  {
    what: 'IRC resub + channel.subscription.message',
    reports: [{ irc: irc.resub('u1', 'ada', 15) }, { es: es.resub('ada', 15) }],
    shown: 1,
  },
  {
    what: 'IRC submysterygift + channel.subscription.gift (+ its gifted subs)',
    reports: [
      { irc: irc.giftBomb('g1', 'gifter', 5) },
      { es: es.gift('gifter', 5) },
      ...['A', 'B', 'C', 'D', 'E'].map((r) => ({ es: es.giftedSub(`Fan${r}`) })),
    ],
    shown: 1,
  },
  {
    what: 'anonymous submysterygift + anonymous channel.subscription.gift',
    reports: [{ irc: irc.giftBomb('g1', null, 3) }, { es: es.gift(null, 3) }],
    shown: 1,
  },
  {
    what: 'IRC subgift + channel.subscription.gift of 1',
    reports: [
      { irc: irc.singleGift('s1', 'gifter', 'Bob') },
      { es: es.gift('gifter', 1) },
      { es: es.giftedSub('Bob') },
    ],
    shown: 1,
  },
  {
    what: 'raid IRC + channel.raid',
    reports: [{ irc: irc.raid('r1', 'raider', 44) }, { es: es.raid('raider', 44) }],
    shown: 1,
  },
  {
    what: 'one EventSub notification delivered twice (same message id)',
    reports: [{ es: es.cheer('ada', 100) }, { again: true }],
    shown: 1,
  },
  {
    what: 'one IRC line delivered twice (same id)',
    reports: [{ irc: irc.announcement('n1', 'mod_1', 'hi') }, { again: true }],
    shown: 1,
  },
];

function run(reports: Report[]): { shown: Alert[]; dropped: number } {
  let now = START;
  const fromIrc = createIrcReporter(ref, () => now);
  const fromEventSub = createEventSubReporter(ref, () => now);
  const deduper = new AlertDeduper();
  const shown: Alert[] = [];
  let serial = 0;
  let last: Alert[] = [];
  for (const report of reports) {
    if ('wait' in report) {
      now += report.wait;
      continue;
    }
    if (!('again' in report))
      last = 'irc' in report ? fromIrc(report.irc) : fromEventSub(`m${++serial}`, report.es);
    for (const a of last) if (deduper.admit(a, now)) shown.push(a);
  }
  return { shown, dropped: deduper.dropped };
}

describe('alert de-duplication: separate events are never merged', () => {
  it.each(SEPARATE)('$what → $shown', ({ reports, shown }) => {
    expect(run(reports).shown).toHaveLength(shown);
  });
});

describe('alert de-duplication: the IRC and EventSub reports of one event are merged', () => {
  it.each(SAME)('$what → 1', ({ reports, shown }) => {
    const result = run(reports);
    expect(result.shown).toHaveLength(shown);
    expect(result.dropped).toBeGreaterThan(0);
  });

  it('keeps the first report (usually IRC, which is faster)', () => {
    const { shown } = run([{ irc: irc.cheer('c1', 'ada', 100) }, { es: es.cheer('ada', 100) }]);
    expect(shown[0]?.origin).toEqual({ transport: 'irc', eventId: 'c1' });
  });
});

describe('alert de-duplication: alerts without a Twitch origin', () => {
  it('merges equal dedupe keys only (a ChatKC message id)', () => {
    const deduper = new AlertDeduper();
    const donation = alert({ alertType: 'donation', dedupeKey: 'chatkc:x:donation:7', bits: undefined });
    expect(deduper.admit(donation, START)).toBe(true);
    expect(deduper.admit({ ...donation, id: 'again' }, START + 1)).toBe(false);
    expect(deduper.admit(alert({ alertType: 'donation', dedupeKey: 'chatkc:x:donation:8' }), START + 2)).toBe(
      true,
    );
  });

  it('never merges alerts without an origin or key (demo)', () => {
    const deduper = new AlertDeduper();
    expect(deduper.admit(alert({ bits: 100 }), START)).toBe(true);
    expect(deduper.admit(alert({ bits: 100 }), START)).toBe(true);
  });

  it('compares announcement text across transports', () => {
    const fromIrc = alert({
      alertType: 'announcement',
      bits: undefined,
      origin: { transport: 'irc', eventId: 'n1' },
    });
    const text = (t: string): Alert['message'] => [{ type: 'text', text: t }];
    const es = (t: string): Alert => ({
      ...fromIrc,
      message: text(t),
      origin: { transport: 'eventsub', eventId: t },
    });
    expect(sameEvent({ ...fromIrc, message: text('hi') }, es('hi'))).toBe(true);
    expect(sameEvent({ ...fromIrc, message: text('hi') }, es('bye'))).toBe(false);
  });
});
