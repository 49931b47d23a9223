import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/shared/events';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { systemClock } from '../../src/main/core/clock';
import { Hub } from '../../src/main/core/hub/hub';
import { connected, startRig, waitFor, type Rig } from '../fakes/twitch-api/eventsub-rig';
import { eventSubEvent as es, ircLine as irc, type EventSubCase } from '../helpers/twitch-alerts';
import { startHarness, type Harness } from './irc-harness';

/**
 * Issue 14.1 end to end in the core: the Twitch IRC source and the EventSub client against the fake IRC and
 * EventSub servers, both feeding one hub. Each case is fired on both transports; the hub must show every
 * separate event once and the two reports of one event once.
 */
interface Case {
  what: string;
  irc: string[];
  es: EventSubCase[];
  /** Alert events the two transports emit for this case (gifted `channel.subscribe`s emit none). */
  reports: number;
  shown: number;
}

const CASES: Case[] = [
  {
    what: 'one viewer cheering 100 bits twice',
    irc: [irc.cheer('c1', 'twice', 100), irc.cheer('c2', 'twice', 100)],
    es: [es.cheer('twice', 100), es.cheer('twice', 100)],
    reports: 4,
    shown: 2,
  },
  {
    what: 'two anonymous 111-bit cheers',
    irc: [irc.anonCheer('a1', 111), irc.anonCheer('a2', 111)],
    es: [es.anonCheer(111), es.anonCheer(111)],
    reports: 4,
    shown: 2,
  },
  {
    what: 'one viewer redeeming two rewards',
    irc: [],
    es: [es.redemption('redeemer', 'Hydrate'), es.redemption('redeemer', 'Stretch')],
    reports: 2,
    shown: 2,
  },
  {
    what: 'two anonymous gift bombs of 5',
    irc: [irc.giftBomb('g1', null, 5), irc.giftBomb('g2', null, 5)],
    es: [es.gift(null, 5), es.gift(null, 5)],
    reports: 4,
    shown: 2,
  },
  {
    what: 'four announcements from one moderator',
    irc: [1, 2, 3, 4].map((n) => irc.announcement(`n${n}`, 'mod_1', 'Giveaway at 8!')),
    es: [],
    reports: 4,
    shown: 4,
  },
  {
    what: 'single gifts from one gifter to two recipients',
    irc: [irc.singleGift('s1', 'gifter', 'Bob'), irc.singleGift('s2', 'gifter', 'Cleo')],
    es: [es.gift('gifter', 1), es.giftedSub('Bob'), es.gift('gifter', 1), es.giftedSub('Cleo')],
    reports: 4,
    shown: 2,
  },
  { what: 'a cheer', irc: [irc.cheer('c3', 'ada', 100)], es: [es.cheer('ada', 100)], reports: 2, shown: 1 },
  {
    what: 'an anonymous cheer',
    irc: [irc.anonCheer('a3', 250)],
    es: [es.anonCheer(250)],
    reports: 2,
    shown: 1,
  },
  { what: 'a sub', irc: [irc.sub('u1', 'subber')], es: [es.sub('subber')], reports: 2, shown: 1 },
  {
    what: 'a resub',
    irc: [irc.resub('u2', 'resubber', 15)],
    es: [es.resub('resubber', 15)],
    reports: 2,
    shown: 1,
  },
  {
    what: 'a gift bomb and its gifted subs',
    irc: [irc.giftBomb('g3', 'bomber', 3)],
    es: [es.gift('bomber', 3), es.giftedSub('FanA'), es.giftedSub('FanB'), es.giftedSub('FanC')],
    reports: 2,
    shown: 1,
  },
  { what: 'a raid', irc: [irc.raid('r1', 'raider', 44)], es: [es.raid('raider', 44)], reports: 2, shown: 1 },
];

let rig: Rig | null = null;
let chat: Harness | null = null;
afterEach(async () => {
  await chat?.close();
  await rig?.close();
  chat = null;
  rig = null;
});

function startHub(): { hub: Hub; shown: Alert[] } {
  const shown: Alert[] = [];
  const hub = new Hub({
    clock: systemClock,
    snapshotExtras: () => ({
      alerts: emptyAlertQueueState,
      auth: { provider: 'twitch', status: 'logged-out' },
      overlay: defaultSettings().overlay,
      timeoutPresets: [60],
      highlights: defaultSettings().highlights,
    }),
    onAlert: (alert) => shown.push(alert),
  });
  return { hub, shown };
}

describe('IRC + EventSub alerts through one hub (fake servers)', () => {
  it('counts every alert exactly once', async () => {
    const { hub, shown } = startHub();
    let reports = 0;
    const publish = (event: Parameters<Hub['publish']>[0]): void => {
      if (event.kind === 'alert') reports += 1;
      hub.publish(event);
    };
    rig = await startRig({ onEvent: publish });
    rig.client.start();
    await connected(rig);
    const r = rig;
    chat = await startHarness({ config: { id: 'twitch:streamer', channel: 'streamer' }, onEvent: publish });
    const c = chat;
    await waitFor('IRC connected', () => c.source.status().state === 'connected');

    let expectedReports = 0;
    let expectedShown = 0;
    for (const one of CASES) {
      if (one.irc.length > 0) c.fake.inject('streamer', one.irc);
      for (const { type, version = '1', event } of one.es) r.server.fake.notify(type, event, { version });
      expectedReports += one.reports;
      expectedShown += one.shown;
      await waitFor(`${one.what}: both transports`, () => reports === expectedReports);
      expect(shown.length, one.what).toBe(expectedShown);
    }
    expect(hub.counters.alertDuplicates).toBe(expectedReports - expectedShown);
    // Both transports stamp where an alert came from and its id there.
    expect(shown.every((a) => a.origin !== undefined && a.origin.eventId !== '')).toBe(true);
    console.info(`alert dedupe: ${reports} reports on two transports → ${shown.length} alerts`);
  });
});
