import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, EmotePart, OnAirEvent } from '../../src/shared/events';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { EmoteService } from '../../src/main/core/emotes/emote-service';
import { bttvApi } from '../../src/main/core/emotes/bttv';
import { ffzApi } from '../../src/main/core/emotes/ffz';
import { seventvApi } from '../../src/main/core/emotes/seventv';
import { silentLogger } from '../../src/main/core/log/logger';
import { startFakeEmoteServer, type FakeEmoteServer } from '../fakes/emotes/emote-server';
import { FakeClock } from '../helpers/fake-clock';

const CORPUS = resolve(__dirname, '../../../shared/corpora/emotes-and-tips');
const corpus = (path: string): unknown => JSON.parse(readFileSync(join(CORPUS, path), 'utf8'));

describe('provider answers (real captures)', () => {
  it('7TV: aliases, zero-width from the active flags only, WEBP 1x–4x on cdn.7tv.app', () => {
    const set = seventvApi.parseChannel(corpus('7tv/users-twitch-62300805.nymn.subset.json'));
    expect(set.emotes).toHaveLength(101);
    expect(set.emotes.filter((e) => e.zeroWidth)).toHaveLength(36);
    // data.flags = 1 means private, not zero-width.
    expect(set.emotes.find((e) => e.code === 'NymN')?.zeroWidth).toBe(false);
    const first = set.emotes[0]!;
    expect(first.images.map((i) => i.url)).toEqual(
      [1, 2, 3, 4].map((s) => `https://cdn.7tv.app/emote/60ae9a57ac03cad60771b2d8/${s}x.webp`),
    );
    expect(
      seventvApi.parseChannel(corpus('7tv/users-twitch-22216721.no-emote-set.kameloso.json')).emotes,
    ).toEqual([]);
  });

  it('BTTV: channel and shared emotes, the fixed zero-width list', () => {
    const set = bttvApi.parseChannel(corpus('bttv/users-twitch-lobosjr.kameloso.json'));
    expect(set.emotes.map((e) => e.code)).toEqual(['FeelsDennyMan', 'lobosSHAKE', '(ditto)', 'WolfPls']);
    expect(set.emotes.find((e) => e.code === 'WolfPls')?.aspect).toBe(0.75);
    expect(set.emotes[1]!.animated).toBe(true);
    const global = bttvApi.parseGlobal([
      ...(corpus('bttv/emotes-global.excerpt.kameloso.json') as unknown[]),
      { id: 'a1', code: 'SantaHat' },
    ]);
    expect(global.emotes.find((e) => e.code === 'SantaHat')?.zeroWidth).toBe(true);
  });

  it('FFZ: the room set only, protocol-relative URLs made https, sizes that exist', () => {
    const set = ffzApi.parseChannel(corpus('ffz/room-id-41783686.hey_jase.json'));
    expect(set.emotes).toHaveLength(18);
    const pog = set.emotes.find((e) => e.code === 'Pog')!;
    expect(pog.images).toEqual([{ url: 'https://cdn.frankerfacez.com/emote/266799/1', width: 28 }]);
    expect(set.emotes.find((e) => e.code === 'HungryTag')?.aspect).toBe(1.6);
  });

  it('drops and counts bad entries: wrong types, off-CDN URLs, spaces in names', () => {
    const set = seventvApi.parseGlobal({
      emotes: [
        null,
        { id: 'x', name: 'two words', flags: 0, data: { host: { url: '//cdn.7tv.app/emote/x', files: [] } } },
        {
          id: 'y',
          name: 'Evil',
          flags: 0,
          data: {
            host: {
              url: '//evil.example/emote/y',
              files: [{ name: '1x.webp', width: 32, height: 32, format: 'WEBP' }],
            },
          },
        },
      ],
    });
    expect(set).toEqual({ emotes: [], dropped: 3 });
    expect(() => bttvApi.parseGlobal({ not: 'an array' })).toThrow();
  });
});

describe('EmoteService against the fake APIs', () => {
  let fake: FakeEmoteServer;
  let clock: FakeClock;
  let settings: Settings;
  let notices: string[];
  let service: EmoteService;

  beforeEach(async () => {
    fake = await startFakeEmoteServer({ channels: ['12345678'] });
    clock = new FakeClock();
    settings = defaultSettings();
    settings.endpoints = { ...settings.endpoints, ...fake.endpoints };
    notices = [];
    service = new EmoteService({
      clock,
      settings: () => settings,
      log: silentLogger,
      notify: (t) => notices.push(t),
    });
  });
  afterEach(async () => {
    service.stop();
    await fake.stop();
  });

  const chat = (text: string, roomId = '12345678'): ChatMessage =>
    ({
      kind: 'chat',
      id: 'm',
      source: { sourceId: 'tw', provider: 'twitch', channel: 'c' },
      author: { id: '1', login: 'a', displayName: 'a', color: null, badges: [], roles: [] },
      parts: [{ type: 'text', text }],
      text,
      flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
      reply: null,
      serverTime: 0,
      receivedAt: 0,
      targetable: true,
      extras: { twitch: { roomId } },
    }) as ChatMessage;
  const emotesOf = (event: OnAirEvent) =>
    (event as ChatMessage).parts
      .filter((p): p is EmotePart => p.type === 'emote')
      .map((p) => `${p.provider}:${p.text}`);
  const roomstate = (roomId: string): OnAirEvent => ({
    kind: 'modes',
    source: { sourceId: 'tw', provider: 'twitch', channel: 'c' },
    modes: {},
    extras: { twitch: { roomId } },
  });

  it('fetches nothing before a room is known; ROOMSTATE loads the global and channel sets', async () => {
    service.start();
    await service.settled();
    expect(fake.apiRequests).toEqual([]);
    service.enrich(roomstate('12345678'));
    await service.settled();
    expect(emotesOf(service.enrich(chat('EZ PagMan FeelsDennyMan Tagmas LilZ SupporterOnly')))).toEqual([
      '7tv:EZ',
      '7tv:PagMan',
      'bttv:FeelsDennyMan',
      'ffz:Tagmas',
      'ffz:LilZ',
    ]);
  });

  it('a channel with no account at a provider (404) is no emotes and no notice', async () => {
    service.start();
    service.noteRoom('999');
    await service.settled();
    expect(emotesOf(service.enrich(chat('EZ PagMan', '999')))).toEqual(['7tv:EZ']);
    expect(notices).toEqual([]);
  });

  it('per-provider toggles', async () => {
    settings.emotes = { ...settings.emotes, seventv: false };
    service.start();
    service.noteRoom('12345678');
    await service.settled();
    expect(emotesOf(service.enrich(chat('EZ PagMan FeelsDennyMan')))).toEqual(['bttv:FeelsDennyMan']);
    expect(fake.apiRequests.some((p) => p.startsWith('/7tv'))).toBe(false);
  });

  it('a failing provider leaves text and one notice; it comes back on the refresh timer', async () => {
    fake.fail('bttv', true);
    service.start();
    service.noteRoom('12345678');
    await service.settled();
    expect(emotesOf(service.enrich(chat('FeelsDennyMan PagMan')))).toEqual(['7tv:PagMan']);
    expect(notices).toEqual([expect.stringContaining('BetterTTV emotes could not be loaded (HTTP 500)')]);
    fake.fail('bttv', false);
    clock.advance(settings.emotes.refreshMinutes * 60_000);
    await service.settled();
    expect(emotesOf(service.enrich(chat('FeelsDennyMan')))).toEqual(['bttv:FeelsDennyMan']);
    expect(notices.at(-1)).toBe('BetterTTV emotes are loaded again.');
  });

  it('sets expire: a change on the service shows after the refresh interval, not before', async () => {
    service.start();
    service.noteRoom('12345678');
    await service.settled();
    const fetches = fake.apiRequests.length;
    fake.setChannel('7tv', [{ id: '60ae9a57ac03cad60771b2d9', code: 'NewOne' }]);
    clock.advance(settings.emotes.refreshMinutes * 60_000 - 1);
    await service.settled();
    expect(fake.apiRequests.length).toBe(fetches);
    expect(emotesOf(service.enrich(chat('NewOne PagMan')))).toEqual(['7tv:PagMan']);
    clock.advance(1);
    await service.settled();
    expect(emotesOf(service.enrich(chat('NewOne PagMan')))).toEqual(['7tv:NewOne']);
  });

  it('ignores room ids that are not Twitch user ids (they would go into a URL)', async () => {
    service.start();
    service.noteRoom('../../x');
    await service.settled();
    expect(fake.apiRequests.some((p) => p.includes('..'))).toBe(false);
  });
});
