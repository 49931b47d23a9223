import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, OnAirEvent } from '../../src/shared/events';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { EmoteService } from '../../src/main/core/emotes/emote-service';
import { ExpiringSets } from '../../src/main/core/emotes/emote-sets';
import { decodeEventApiFrame } from '../../src/main/core/emotes/seventv-events-decode';
import { silentLogger } from '../../src/main/core/log/logger';
import { SEVENTV } from '../fakes/emotes/fixtures';
import { seventvSetId, startFakeEmoteServer, type FakeEmoteServer } from '../fakes/emotes/emote-server';
import { chat as line } from '../helpers/events';
import { FakeClock } from '../helpers/fake-clock';

const CORPUS = resolve(__dirname, '../../../shared/corpora/emotes-and-tips/7tv/eventapi');
const corpus = (name: string): string => readFileSync(join(CORPUS, name), 'utf8');

describe('7TV EventAPI frames (real captures)', () => {
  it('hello: the heartbeat interval', () => {
    expect(decodeEventApiFrame(corpus('op1-hello.chatterino-test.json'))).toEqual({
      kind: 'hello',
      heartbeatMs: 1000,
      subscriptionLimit: null,
    });
  });

  it('emote_set.update: pushed, pulled, updated in order; applied, the set ends with the new name', () => {
    const frame = decodeEventApiFrame(corpus('op0-dispatch-emote_set.update.json'));
    expect(frame).toMatchObject({ kind: 'setUpdate', setId: '60b39e943e203cc169dfc106', dropped: 0 });
    if (frame?.kind !== 'setUpdate') throw new Error('not a set update');
    expect(
      frame.changes.map((c) => (c.op === 'remove' ? `remove ${c.id}` : `${c.op} ${c.emote.code}`)),
    ).toEqual(['add Chatterinoge', 'remove 621d13967cc2d4e1953838ed', 'replace Chatterino']);
    const sets = new ExpiringSets(() => 60_000);
    const pushed = frame.changes[0]!;
    if (pushed.op !== 'add') throw new Error('not an add');
    // The set before the frame: the same emote under its old name.
    sets.set('k', [{ ...pushed.emote, code: 'Chatterino' }], 0);
    sets.apply('k', frame.changes);
    expect([...sets.get('k')!.emotes.keys()]).toEqual(['Chatterino']);
    expect(sets.get('k')!.emotes.get('Chatterino')!.images[0]!.url).toBe(
      'https://cdn.7tv.app/emote/621d13967cc2d4e1953838ed/1x.webp',
    );
  });

  it('malformed frames are null; unusable changes are counted, not fatal', () => {
    for (const raw of ['', 'not json', '[]', '{"op":"1"}', '{"op":1,"d":{}}', '{"op":99,"d":{}}'])
      expect(decodeEventApiFrame(raw), raw).toBeNull();
    const frame = decodeEventApiFrame(
      JSON.stringify({
        op: 0,
        d: {
          type: 'emote_set.update',
          body: {
            id: 'abc',
            pushed: [
              {
                key: 'emotes',
                value: { id: 'x', name: 'Evil', data: { host: { url: '//evil.example/x' } } },
              },
            ],
            pulled: [null, { key: 'emotes', old_value: { id: '../x' } }],
            updated: [{ key: 'name', value: 'renamed set' }],
          },
        },
      }),
    );
    expect(frame).toEqual({ kind: 'setUpdate', setId: 'abc', changes: [], dropped: 3 });
  });
});

const ROOM = '12345678';
const ROOM2 = '23456789';
const source = { sourceId: 'tw', provider: 'twitch' as const, channel: 'c' };
const until = async (what: string, predicate: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('7TV live set updates through the EmoteService (fake EventAPI, fake clock)', () => {
  let fake: FakeEmoteServer;
  let clock: FakeClock;
  let settings: Settings;
  let service: EmoteService;
  const HEARTBEAT_MS = 10_000;

  beforeEach(async () => {
    fake = await startFakeEmoteServer({ channels: [ROOM, ROOM2], heartbeatMs: HEARTBEAT_MS });
    clock = new FakeClock();
    settings = defaultSettings();
    settings.endpoints = { ...settings.endpoints, ...fake.endpoints };
    service = new EmoteService({
      clock,
      settings: () => settings,
      log: silentLogger,
      notify: () => undefined,
    });
    service.start();
    service.noteRoom(ROOM);
    await service.settled();
    await until('subscribed', () => fake.events.subscriptions()[0]?.length === 1);
  });
  afterEach(async () => {
    service.stop();
    await fake.stop();
  });

  const chat = (text: string): ChatMessage =>
    line({ source, parts: [{ type: 'text', text }], text, extras: { twitch: { roomId: ROOM } } });
  const emotesOf = (event: OnAirEvent): string[] =>
    (event as ChatMessage).parts.flatMap((p) => (p.type === 'emote' ? [p.text] : []));
  const NEW = { id: '01GB2YQN5R000CJJTP0ZKWP4GN', code: 'FreshOne' };

  it('one connection subscribed to the set; adds, renames and removals show on the next message', async () => {
    const setId = seventvSetId(ROOM);
    expect(fake.events.subscriptions()).toEqual([[setId]]);
    fake.events.push(setId, NEW);
    await until('the add', () => emotesOf(service.enrich(chat('FreshOne'))).length === 1);
    fake.events.rename(setId, SEVENTV.channel[0]!, 'PagManRenamed');
    await until('the rename', () => emotesOf(service.enrich(chat('PagManRenamed'))).length === 1);
    expect(emotesOf(service.enrich(chat('PagMan FreshOne')))).toEqual(['FreshOne']);
    fake.events.pull(setId, NEW);
    await until('the removal', () => emotesOf(service.enrich(chat('FreshOne'))).length === 0);
    expect(service.liveUpdates.counters.updates).toBe(3);
  });

  it('a second channel joins the same connection', async () => {
    service.noteRoom(ROOM2);
    await service.settled();
    await until('second subscription', () => fake.events.subscriptions()[0]?.length === 2);
    expect(fake.events.connections()).toBe(1);
    expect(fake.events.subscriptions()[0]).toEqual([seventvSetId(ROOM), seventvSetId(ROOM2)]);
    expect(fake.events.badClientFrames).toEqual([]);
  });

  it('heartbeat watchdog: silence past 2 × interval reconnects (backoff), resubscribes, refetches the set', async () => {
    const fetchesBefore = fake.apiRequests.filter((p) => p.endsWith(`/7tv/v3/users/twitch/${ROOM}`)).length;
    await until('the ack', () => service.liveUpdates.counters.frames === 2); // hello, ack
    fake.events.heartbeat();
    await until('the heartbeat', () => service.liveUpdates.counters.frames === 3);
    clock.advance(HEARTBEAT_MS * 2); // within the allowance (2 × interval + 1 s)
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.events.connections()).toBe(1);
    clock.advance(1_000);
    await until('old socket closed', () => fake.events.connections() === 0);
    clock.advance(2_000); // the first backoff step (1 s ± jitter)
    await until('reconnected and resubscribed', () => fake.events.subscriptions()[0]?.length === 1);
    expect(service.liveUpdates.connectionCounters.reconnects).toBe(1);
    await service.settled();
    const fetchesAfter = fake.apiRequests.filter((p) => p.endsWith(`/7tv/v3/users/twitch/${ROOM}`)).length;
    expect(fetchesAfter).toBe(fetchesBefore + 1); // what changed during the gap is fetched
  });

  it('Reconnect (op 4) and End of Stream (op 7): a new connection with the same subscriptions', async () => {
    fake.events.sendReconnect();
    await until('closed', () => fake.events.connections() === 0);
    clock.advance(2_000);
    await until('back', () => fake.events.subscriptions()[0]?.length === 1);
    fake.events.endOfStream();
    await until('closed again', () => fake.events.connections() === 0);
    clock.advance(5_000);
    await until('back again', () => fake.events.subscriptions()[0]?.length === 1);
    expect(fake.events.subscriptions()).toEqual([[seventvSetId(ROOM)]]);
  });

  it('malformed frames and unusable changes are dropped and counted; the connection stays', async () => {
    fake.events.sendRaw('not json');
    fake.events.sendRaw('{"op":0,"d":{"type":"emote_set.update","body":{"id":"no spaces allowed"}}}');
    fake.events.push(seventvSetId(ROOM), { id: 'bad id with spaces', code: 'Nope' });
    await until('counted', () => service.liveUpdates.counters.droppedChanges === 1);
    expect(service.liveUpdates.counters.malformed).toBe(2);
    fake.events.push(seventvSetId(ROOM), NEW);
    await until('still applied', () => emotesOf(service.enrich(chat('FreshOne'))).length === 1);
    expect(service.liveUpdates.connectionCounters.connects).toBe(1);
  });

  it('turning 7TV off closes the connection', async () => {
    settings.emotes = { ...settings.emotes, seventv: false };
    service.settingsChanged();
    await until('closed', () => fake.events.connections() === 0);
    settings.emotes = { ...settings.emotes, seventv: true };
    service.settingsChanged();
    await service.settled();
    await until('watching again', () => fake.events.subscriptions()[0]?.length === 1);
  });
});
