import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import { decodeFrame } from '../../src/main/core/providers/twitch/eventsub/decode';
import {
  createFrameProcessor,
  type FrameOutcome,
} from '../../src/main/core/providers/twitch/eventsub/frame-processor';

const CORPUS = join(__dirname, '../../../shared/corpora/eventsub');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

interface CorpusFrame {
  where: string;
  raw: string;
}

/** Every .json file, and every line of every .ndjson file, under the corpus. */
function corpusFrames(): CorpusFrame[] {
  const frames: CorpusFrame[] = [];
  for (const path of walk(CORPUS)) {
    const where = relative(CORPUS, path);
    if (path.endsWith('.json')) frames.push({ where, raw: readFileSync(path, 'utf8') });
    if (path.endsWith('.ndjson')) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, index) => line.trim() && frames.push({ where: `${where}:${index + 1}`, raw: line }));
    }
  }
  return frames;
}

const resolveRef = (login: string) => ({
  sourceId: `twitch:${login}`,
  provider: 'twitch' as const,
  channel: login,
});

/** A fresh processor per frame: the corpus reuses message ids across files, which must not hide a frame. */
function run(raw: string): { outcome: FrameOutcome; events: OnAirEvent[] } {
  const events: OnAirEvent[] = [];
  const clock = {
    now: () => Date.parse('2026-01-01T00:00:00Z'),
    setTimeout: () => undefined as never,
    clearTimeout: () => {},
  };
  const processor = createFrameProcessor({
    resolveRef,
    clock,
    emit: (e) => events.push(e),
    staleAfterMs: Infinity,
  });
  return { outcome: processor.processRaw(raw), events };
}

function runFile(relativePath: string): OnAirEvent[] {
  return run(readFileSync(join(CORPUS, relativePath), 'utf8')).events;
}

describe('EventSub corpus conformance', () => {
  const frames = corpusFrames();

  it('decodes every frame without throwing: each becomes events, a control frame, or is counted', () => {
    const outcomes: Record<string, number> = {};
    const mappedTypes = new Set<string>();
    for (const frame of frames) {
      const { outcome } = run(frame.raw);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      const decoded = decodeFrame(frame.raw);
      if (outcome === 'event' && decoded.kind === 'notification') mappedTypes.add(decoded.subscription.type);
    }
    expect(frames.length).toBe(300);
    expect(outcomes).toEqual({ event: 67, control: 17, revocation: 4, unknown: 95, malformed: 117 });
    expect([...mappedTypes].sort()).toEqual([
      'automod.message.hold',
      'automod.message.update',
      'channel.channel_points_custom_reward_redemption.add',
      'channel.chat.clear_user_messages',
      'channel.chat.message_delete',
      'channel.cheer',
      'channel.follow',
      'channel.moderate',
      'channel.raid',
      'channel.subscribe',
      'channel.subscription.gift',
      'channel.subscription.message',
      'stream.offline',
      'stream.online',
    ]);
  });

  it('only non-frames are malformed: webhook bodies, indexes and REST answers (no metadata)', () => {
    for (const frame of frames) {
      const decoded = decodeFrame(frame.raw);
      if (decoded.kind !== 'malformed') continue;
      expect(decoded.reason, frame.where).toBe('no metadata');
      expect(frame.where, frame.where).toMatch(
        /^(twitch_api-rs\/webhook-body|.*INDEX\.json|twitch-cli-mock\/subscriptions-api)/,
      );
    }
  });

  it('maps the real channel.moderate timeout to a removal and a mod-log entry', () => {
    const events = runFile('chatterino-eventsub-ws/messages/channel.moderate-timeout.json');
    expect(events).toEqual([
      {
        kind: 'removal',
        source: resolveRef('nerixyz'),
        target: { type: 'user', userId: '141981764', login: 'twitchdev' },
        reason: 'timeout',
        by: 'nerixyz',
        confirmed: true,
        at: Date.parse('2024-05-14T12:31:47.995Z'),
        durationSeconds: Math.round(
          (Date.parse('2024-11-27T20:01:55.358Z') - Date.parse('2024-05-14T12:31:47.995Z')) / 1000,
        ),
      },
      {
        kind: 'modlog',
        entry: {
          id: '2ea469a5-4bc8-4f95-ae08-c10b679cf038',
          at: Date.parse('2024-05-14T12:31:47.995Z'),
          sourceId: 'twitch:nerixyz',
          actor: 'nerixyz',
          action: 'timeout',
          target: 'twitchdev',
          detail: 'test Kappa',
          result: 'ok',
        },
      },
    ]);
  });

  it('maps real channel.moderate mode changes to modes events', () => {
    const modes = (file: string) =>
      runFile(`chatterino-eventsub-ws/messages/${file}`).find((e) => e.kind === 'modes');
    expect(modes('channel.moderate-followers.json')).toMatchObject({
      modes: { followersOnlyMinutes: 10080 },
    });
    expect(modes('channel.moderate-followersoff.json')).toMatchObject({
      modes: { followersOnlyMinutes: null },
    });
    expect(modes('channel.moderate-emoteonly.json')).toMatchObject({ modes: { emoteOnly: true } });
    const mod = runFile('chatterino-eventsub-ws/messages/channel.moderate-mod.json');
    expect(mod.map((e) => e.kind)).toEqual(['modlog']);
  });

  it('maps automod hold and update', () => {
    const [hold] = runFile('chatterino-eventsub-ws/messages/automod.message.hold.json');
    expect(hold).toMatchObject({
      kind: 'automod',
      id: 'bad-message-id',
      source: resolveRef('blah'),
      author: { id: '4242', login: 'baduser', displayName: 'badbaduser' },
      text: 'This is a bad message… pogchamp',
      parts: [
        { type: 'text', text: 'This is a bad message… ' },
        { type: 'cheer', text: 'pogchamp', prefix: 'pogchamp', bits: 1000 },
      ],
      reason: 'automod: aggressive (level 1)',
      heldAt: Date.parse('2022-12-02T15:00:00.00Z'),
      status: 'pending',
    });
    const [update] = runFile('chatterino-eventsub-ws/messages/automod.message.update.json');
    expect(update).toMatchObject({
      kind: 'automod',
      id: 'bad-message-id',
      status: 'approved',
      resolvedBy: 'The_Mod',
      reason: 'blocked term',
    });
  });

  it('maps gift bombs, cheers, raids and resubs with the amounts IRC uses', () => {
    const cli = 'twitch-cli-mock/frames/';
    expect(runFile(`${cli}notification.channel.subscription.gift.v1.json`)).toEqual([
      expect.objectContaining({
        kind: 'alert',
        id: '51cf9fea-725d-d72a-ac98-150642fbef7c',
        alertType: 'giftsub',
        count: 5,
        tier: '1000',
        user: { id: '15000786', login: 'testfromuser', displayName: 'testFromUser' },
        source: resolveRef('testbroadcaster'),
      }),
    ]);
    expect(runFile(`${cli}notification.channel.subscription.gift.v1.2.json`)[0]).toMatchObject({
      alertType: 'giftsub',
      user: { id: null, login: null, displayName: 'Anonymous' },
    });
    expect(runFile(`${cli}notification.channel.cheer.v1.2.json`)[0]).toMatchObject({
      alertType: 'cheer',
      bits: 100,
      user: { id: null, login: null, displayName: 'Anonymous' },
      message: [{ type: 'text', text: 'This is a test event.' }],
    });
    expect(runFile(`${cli}notification.channel.raid.v1.json`)[0]).toMatchObject({
      alertType: 'raid',
      count: 44573,
      user: { id: '14057518', login: 'testfromuser' },
      source: resolveRef('testbroadcaster'),
    });
    const [resub] = runFile(`${cli}notification.channel.subscription.message.v1.json`);
    expect(resub).toMatchObject({
      alertType: 'resub',
      months: 32,
      message: [
        { type: 'text', text: 'Hello from the Twitch CLI! ' },
        { type: 'emote', text: 'twitchdevLeek', id: '304456816' },
      ],
    });
  });
});
