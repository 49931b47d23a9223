import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { createMemorySecretStore } from '../../src/main/core/providers/twitch/auth';
import { modRequests, type ViewPush } from '../../src/shared/api';
import type { Alert, ChatMessage, MessagePart, OnAirEvent } from '../../src/shared/events';
import { SEVENTV, type FakeEmote } from '../fakes/emotes/fixtures';
import { startFakeEmoteServer, type FakeEmoteServer } from '../fakes/emotes/emote-server';
import { numericId } from '../fakes/twitch-irc/lines';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';

/**
 * Issue 13, the core layer end to end: the real core reads Twitch chat from the fake IRC and emote sets from
 * the fake BTTV / FFZ / 7TV APIs. ROOMSTATE names the room, its sets load, and chat words become emote parts.
 */
const CHANNEL = 'emotecore';
const ROOM = numericId(CHANNEL);
/** A shared-chat PARTNER channel with emotes of its own. */
const PARTNER = '87654321';

const until = async (what: string, predicate: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

interface Running {
  core: OnAirCore;
  events: OnAirEvent[];
  dir: string;
}

async function startCore(irc: FakeTwitchIrc, emotes: FakeEmoteServer): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'onair-emotes-core-'));
  const settings = {
    version: 1,
    endpoints: { twitchIrc: irc.url, ...emotes.endpoints },
    sources: [{ id: 'tw', type: 'twitch', channel: CHANNEL, anonymous: true }],
  };
  await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const core = await createCore({
    settingsPath: join(dir, 'settings.json'),
    dataDir: dir,
    log: silentLogger,
    secretStore: () => createMemorySecretStore(),
  });
  const events: OnAirEvent[] = [];
  await core.start();
  core
    .attachView('mod', (push: ViewPush) => {
      if (push.type === 'events') events.push(...(push.events as OnAirEvent[]));
      if (push.type === 'snapshot' && 'notices' in push.snapshot) events.push(...push.snapshot.notices);
      // Alerts reach the console through the queue: the one on screen.
      if (push.type === 'alerts' && push.alerts.active) events.push(push.alerts.active);
    })
    .ready();
  return { core, events, dir };
}

let serial = 0;
/** Injects a PRIVMSG (with the `room-id` tag, as Twitch sends it) and returns its chat event. */
async function say(
  irc: FakeTwitchIrc,
  running: Running,
  text: string,
  twitchEmotes = '',
): Promise<ChatMessage> {
  const id = `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  irc.inject(
    CHANNEL,
    `@badges=;color=#1E90FF;display-name=Viewer;emotes=${twitchEmotes};id=${id};room-id=${ROOM};` +
      `tmi-sent-ts=${Date.now()};user-id=4242 :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #${CHANNEL} :${text}`,
  );
  await until(`line ${id}`, () => running.events.some((e) => e.kind === 'chat' && e.id === id));
  return running.events.find((e): e is ChatMessage => e.kind === 'chat' && e.id === id)!;
}

/** `provider:code` for emote parts, `text:…`/`link:…` for the rest: the shape a view draws. */
const shape = (parts: readonly MessagePart[]): string[] =>
  parts.map((p) =>
    p.type === 'emote'
      ? `${p.provider ?? 'twitch'}:${p.text}${p.zeroWidth ? '(zw)' : ''}`
      : `${p.type}:${p.text}`,
  );

/** Probes with a line until every provider's channel emote shows (the answers are parsed by then). */
async function untilChannelEmotes(
  irc: FakeTwitchIrc,
  running: Running,
  probe = 'PagMan FeelsDennyMan Tagmas',
  count = 3,
): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    const line = await say(irc, running, probe);
    if (line.parts.filter((p) => p.type === 'emote').length === count) return;
    if (Date.now() > end) throw new Error('channel emotes never showed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const noticesMatching = (running: Running, pattern: RegExp): string[] =>
  running.events
    .filter((e) => e.kind === 'notice' && pattern.test(e.text))
    .map((e) => (e as { text: string }).text);

const channelRequested = (emotes: FakeEmoteServer): string[] =>
  emotes.apiRequests.filter((path) => path.endsWith(`/${ROOM}`));

/** A 7TV channel emote named like the Twitch emote `Kappa`, and one whose name is a link. */
const CLASHING: FakeEmote[] = [
  ...SEVENTV.channel,
  { id: '60aeab8df6a2c3b332d21139', code: 'Kappa' },
  { id: '60aeab8df6a2c3b332d2113a', code: 'https://pag.man/' },
];

describe('third-party emotes through the real core (fake IRC, fake emote APIs)', () => {
  let irc: FakeTwitchIrc;
  let emotes: FakeEmoteServer;
  let running: Running | null = null;

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    emotes = await startFakeEmoteServer({ channels: [ROOM, PARTNER] });
  });
  afterEach(async () => {
    await running?.core.stop();
    if (running) await rm(running.dir, { recursive: true, force: true });
    running = null;
    emotes.fail('ffz', false);
    emotes.setChannel('7tv', SEVENTV.channel);
    emotes.apiRequests.length = 0;
  });
  afterAll(async () => {
    await irc.stop();
    await emotes.stop();
  });

  it('ROOMSTATE loads the channel sets; words become emotes of the right provider; Twitch and links win', async () => {
    emotes.setChannel('7tv', CLASHING);
    running = await startCore(irc, emotes);
    // Before any chat line: the JOIN's ROOMSTATE alone names the room, and every provider's channel set loads.
    await until('channel sets', () => channelRequested(emotes).length === 3);
    expect(channelRequested(emotes).sort()).toEqual([
      `/7tv/v3/users/twitch/${ROOM}`,
      `/bttv/3/cached/users/twitch/${ROOM}`,
      `/ffz/v1/room/id/${ROOM}`,
    ]);
    await untilChannelEmotes(irc, running);
    const line = await say(
      irc,
      running,
      'Kappa PagMan RainTime catJAM FeelsDennyMan SantaHat Tagmas ffzHalo EZ https://pag.man/ PagMan,',
      '25:0-4',
    );
    expect(shape(line.parts)).toEqual([
      'twitch:Kappa',
      'text: ',
      '7tv:PagMan',
      'text: ',
      '7tv:RainTime(zw)',
      'text: ',
      '7tv:catJAM',
      'text: ',
      'bttv:FeelsDennyMan',
      'text: ',
      'bttv:SantaHat(zw)',
      'text: ',
      'ffz:Tagmas',
      'text: ',
      'ffz:ffzHalo(zw)',
      'text: ',
      '7tv:EZ',
      'text: ',
      'link:https://pag.man/',
      'text: PagMan,',
    ]);
    const animated = line.parts.filter((p) => p.type === 'emote' && p.animated).map((p) => p.text);
    expect(animated).toEqual(['RainTime', 'catJAM']);
    expect(line.text).toContain('PagMan'); // the plain text is untouched (search, copy)
  }, 30_000);

  it('a failing provider: its words stay text, one console notice; the others still work', async () => {
    emotes.fail('ffz', true);
    running = await startCore(irc, emotes);
    await until('channel sets', () => channelRequested(emotes).length === 3);
    await until('the FFZ notice', () => noticesMatching(running!, /FrankerFaceZ/).length > 0);
    await untilChannelEmotes(irc, running, 'PagMan FeelsDennyMan', 2);
    const line = await say(irc, running, 'Tagmas PagMan LilZ FeelsDennyMan');
    expect(shape(line.parts)).toEqual(['text:Tagmas ', '7tv:PagMan', 'text: LilZ ', 'bttv:FeelsDennyMan']);
    // Global and channel sets both failed: still one notice.
    expect(noticesMatching(running, /FrankerFaceZ/)).toHaveLength(1);
    expect(noticesMatching(running, /FrankerFaceZ/)[0]).toMatch(/could not be loaded \(HTTP 500\)/);
  }, 30_000);

  it("a resub's message (USERNOTICE, no room of its own in the model) gets the channel's emotes", async () => {
    running = await startCore(irc, emotes);
    await until('channel sets', () => channelRequested(emotes).length === 3);
    await untilChannelEmotes(irc, running);
    irc.inject(
      CHANNEL,
      `@badge-info=subscriber/3;badges=subscriber/3;color=;display-name=Viewer;emotes=;id=resub-1;login=viewer;` +
        `msg-id=resub;msg-param-cumulative-months=3;msg-param-sub-plan=1000;room-id=${ROOM};` +
        `system-msg=Viewer\\ssubscribed\\sfor\\s3\\smonths!;tmi-sent-ts=${Date.now()};user-id=4242 ` +
        `:tmi.twitch.tv USERNOTICE #${CHANNEL} :PagMan three months FeelsDennyMan`,
    );
    await until('the resub alert', () =>
      running!.events.some((e) => e.kind === 'alert' && e.id === 'resub-1'),
    );
    const alert = running.events.find((e) => e.kind === 'alert' && e.id === 'resub-1') as Alert;
    expect(shape(alert.message ?? [])).toEqual(['7tv:PagMan', 'text: three months ', 'bttv:FeelsDennyMan']);
  }, 30_000);

  it("a shared-chat line (source-room-id) gets the source channel's emotes, loaded on demand", async () => {
    emotes.setChannel('7tv', [{ id: '60ae9a57ac03cad60771b2e1', code: 'PartnerPog' }], PARTNER);
    running = await startCore(irc, emotes);
    await until('channel sets', () => channelRequested(emotes).length === 3);
    await untilChannelEmotes(irc, running);
    const sharedLine = async (): Promise<ChatMessage> => {
      const id = `00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`;
      irc.inject(
        CHANNEL,
        `@badges=;color=;display-name=Guest;emotes=;id=${id};room-id=${ROOM};source-room-id=${PARTNER};` +
          `source-id=${id};source-badges=;source-badge-info=;tmi-sent-ts=${Date.now()};user-id=4343 ` +
          `:guest!guest@guest.tmi.twitch.tv PRIVMSG #${CHANNEL} :PartnerPog PagMan`,
      );
      await until(`line ${id}`, () => running!.events.some((e) => e.kind === 'chat' && e.id === id));
      return running!.events.find((e): e is ChatMessage => e.kind === 'chat' && e.id === id)!;
    };
    const first = await sharedLine();
    expect(first.flags.sharedFrom).toBe(PARTNER);
    expect(shape(first.parts)).toEqual(['text:PartnerPog PagMan']); // not the joined room's PagMan
    await until('the PARTNER set', () => emotes.apiRequests.includes(`/7tv/v3/users/twitch/${PARTNER}`));
    const end = Date.now() + 10_000;
    let line = await sharedLine();
    while (line.parts[0]?.type !== 'emote' && Date.now() < end) line = await sharedLine();
    expect(shape(line.parts)).toEqual(['7tv:PartnerPog', 'text: PagMan']);
  }, 30_000);

  it('turning a provider off in the settings stops its emotes on the next message', async () => {
    running = await startCore(irc, emotes);
    await until('channel sets', () => channelRequested(emotes).length === 3);
    await untilChannelEmotes(irc, running);
    expect(shape((await say(irc, running, 'PagMan FeelsDennyMan')).parts)).toEqual([
      '7tv:PagMan',
      'text: ',
      'bttv:FeelsDennyMan',
    ]);
    await running.core.handlers.updateSettings(
      modRequests.updateSettings.parse({
        emotes: { bttv: true, ffz: true, seventv: false, refreshMinutes: 30 },
      }),
    );
    expect(shape((await say(irc, running, 'PagMan FeelsDennyMan')).parts)).toEqual([
      'text:PagMan ',
      'bttv:FeelsDennyMan',
    ]);
  }, 30_000);
});
