import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, AutoModHold, ChatMessage, MessagePart, OnAirEvent } from '../../src/shared/events';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { EmoteService } from '../../src/main/core/emotes/emote-service';
import { silentLogger } from '../../src/main/core/log/logger';
import { startFakeEmoteServer, type FakeEmoteServer } from '../fakes/emotes/emote-server';
import { alert, chat } from '../helpers/events';
import { FakeClock } from '../helpers/fake-clock';

/**
 * Emotes in every Twitch event that carries a viewer's words, not only chat lines: alert messages and AutoMod
 * holds (which name no room: the source's room from ROOMSTATE is used), and shared-chat lines (the source
 * room's sets, loaded on demand).
 */
const ROOM = '12345678';
const PARTNER = '87654321';
const source = { sourceId: 'tw', provider: 'twitch' as const, channel: 'c' };
const text = (t: string): MessagePart[] => [{ type: 'text', text: t }];

const roomstate = (roomId: string): OnAirEvent => ({
  kind: 'modes',
  source,
  modes: {},
  extras: { twitch: { roomId } },
});

const resub = (words: string): Alert =>
  alert({ source, alertType: 'resub', months: 3, bits: undefined, message: text(words) });

const hold = (words: string): AutoModHold => ({
  kind: 'automod',
  id: 'h1',
  source,
  author: { id: '1', login: 'a', displayName: 'a' },
  parts: text(words),
  text: words,
  reason: 'automod: swearing (level 4)',
  heldAt: 0,
  status: 'pending',
});

const sharedLine = (words: string, from: string): ChatMessage =>
  chat({
    source,
    parts: text(words),
    text: words,
    flags: {
      action: false,
      firstMessage: false,
      returningChatter: false,
      highlighted: false,
      sharedFrom: from,
    },
    extras: { twitch: { roomId: ROOM } },
  });

const emotesIn = (parts: readonly MessagePart[] | null | undefined): string[] =>
  (parts ?? []).flatMap((p) => (p.type === 'emote' ? [`${p.provider ?? 'twitch'}:${p.text}`] : []));

describe('emotes beyond chat lines', () => {
  let fake: FakeEmoteServer;
  let settings: Settings;
  let service: EmoteService;

  beforeEach(async () => {
    fake = await startFakeEmoteServer({ channels: [ROOM, PARTNER] });
    fake.setChannel('7tv', [{ id: '60ae9a57ac03cad60771b2e1', code: 'PartnerPog' }], PARTNER);
    settings = defaultSettings();
    settings.endpoints = { ...settings.endpoints, ...fake.endpoints };
    service = new EmoteService({
      clock: new FakeClock(),
      settings: () => settings,
      log: silentLogger,
      notify: () => undefined,
    });
    service.start();
    service.enrich(roomstate(ROOM));
    await service.settled();
  });
  afterEach(async () => {
    service.stop();
    await fake.stop();
  });

  it("an alert's message uses the room its source joined", () => {
    const alert = service.enrich(resub('PagMan 3 months FeelsDennyMan EZ')) as Alert;
    expect(emotesIn(alert.message)).toEqual(['7tv:PagMan', 'bttv:FeelsDennyMan', '7tv:EZ']);
    const none = service.enrich({ ...resub(''), message: null }) as Alert;
    expect(none.message).toBeNull();
  });

  it('an AutoMod hold gets them too; its Twitch emotes stay', () => {
    const held = service.enrich({
      ...hold('Kappa PagMan'),
      parts: [
        { type: 'emote', text: 'Kappa', id: '25', url: 'https://static-cdn.jtvnw.net/x' },
        ...text(' PagMan'),
      ],
    }) as AutoModHold;
    expect(held.parts.map((p) => `${p.type}:${p.text}`)).toEqual(['emote:Kappa', 'text: ', 'emote:PagMan']);
    expect(emotesIn(held.parts)).toEqual(['twitch:Kappa', '7tv:PagMan']);
  });

  it("a shared-chat line uses the source room's sets, loaded on demand", async () => {
    const first = service.enrich(sharedLine('PartnerPog PagMan EZ', PARTNER)) as ChatMessage;
    // The partner's sets are not loaded yet: global emotes only, never the joined room's.
    expect(emotesIn(first.parts)).toEqual(['7tv:EZ']);
    await service.settled();
    expect(fake.apiRequests).toContain(`/7tv/v3/users/twitch/${PARTNER}`);
    const next = service.enrich(sharedLine('PartnerPog PagMan EZ', PARTNER)) as ChatMessage;
    expect(emotesIn(next.parts)).toEqual(['7tv:PartnerPog', '7tv:EZ']);
    // Lines of the joined room keep its own sets.
    const own = service.enrich(sharedLine('PartnerPog PagMan', '')) as ChatMessage;
    expect(emotesIn(own.parts)).toEqual(['7tv:PagMan']);
  });

  it('events of other providers are left alone', () => {
    const chatkc = { ...resub('PagMan'), source: { ...source, provider: 'chatkc' as const } };
    expect(service.enrich(chatkc)).toBe(chatkc);
  });
});
