import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import {
  createFrameProcessor,
  STALE_AFTER_MS,
} from '../../src/main/core/providers/twitch/eventsub/frame-processor';
import { MessageIdCache } from '../../src/main/core/providers/twitch/eventsub/message-id-cache';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const resolveRef = (login: string) => ({
  sourceId: `twitch:${login}`,
  provider: 'twitch' as const,
  channel: login,
});
const B = { broadcaster_user_id: '1', broadcaster_user_login: 'Streamer', broadcaster_user_name: 'Streamer' };

let seq = 0;
function frame(
  type: string,
  version: string,
  event: object,
  timestamp = '2026-03-01T11:59:59.123456789Z',
): string {
  seq += 1;
  return JSON.stringify({
    metadata: {
      message_id: `m-${seq}`,
      message_type: 'notification',
      message_timestamp: timestamp,
      subscription_type: type,
      subscription_version: version,
    },
    payload: { subscription: { id: 's', type, version, status: 'enabled', condition: {} }, event },
  });
}

function setup(now = NOW) {
  const events: OnAirEvent[] = [];
  const clock = { now: () => now, setTimeout: () => undefined as never, clearTimeout: () => {} };
  const processor = createFrameProcessor({ resolveRef, clock, emit: (e) => events.push(e) });
  return { events, processor };
}

function mapOne(type: string, version: string, event: object, timestamp?: string): OnAirEvent[] {
  const { events, processor } = setup();
  processor.processRaw(frame(type, version, event, timestamp));
  return events;
}

const user = (login: string) => ({
  user_id: `id-${login}`,
  user_login: login,
  user_name: login.toUpperCase(),
});

describe('EventSub alert mapping', () => {
  it('drops gifted channel.subscribe (the gift alert covers it) and maps first subs with months 1', () => {
    expect(
      mapOne('channel.subscribe', '1', { ...B, ...user('gifted'), tier: '1000', is_gift: true }),
    ).toEqual([]);
    const [sub] = mapOne('channel.subscribe', '1', { ...B, ...user('Fresh'), tier: '2000', is_gift: false });
    expect(sub).toMatchObject({
      alertType: 'sub',
      months: 1,
      tier: '2000',
      user: { login: 'fresh' },
      source: resolveRef('streamer'),
    });
  });

  it('maps follows and redemptions with their own timestamps', () => {
    const [follow] = mapOne('channel.follow', '2', {
      ...B,
      ...user('fan'),
      followed_at: '2026-03-01T11:00:00.5Z',
    });
    expect(follow).toMatchObject({
      alertType: 'follow',
      serverTime: Date.parse('2026-03-01T11:00:00.5Z'),
      receivedAt: NOW,
    });
    const [redemption] = mapOne('channel.channel_points_custom_reward_redemption.add', '1', {
      ...B,
      ...user('viewer'),
      id: 'r1',
      user_input: 'play that song',
      status: 'unfulfilled',
      reward: { id: 'rw', title: 'Song request', cost: 100, prompt: '' },
      redeemed_at: 'not a date',
    });
    expect(redemption).toMatchObject({
      alertType: 'redemption',
      title: 'Song request',
      message: [{ type: 'text', text: 'play that song' }],
      serverTime: Date.parse('2026-03-01T11:59:59.123Z'),
    });
  });

  it('resub emotes follow code-point positions (emoji before the emote)', () => {
    const text = '😀 hi Kappa';
    const [resub] = mapOne('channel.subscription.message', '1', {
      ...B,
      ...user('old_fan'),
      tier: '1000',
      cumulative_months: 7,
      streak_months: null,
      duration_months: 1,
      message: {
        text,
        emotes: [
          { begin: 5, end: 9, id: '25' },
          { begin: 40, end: 50, id: 'bad' },
        ],
      },
    });
    expect(resub).toMatchObject({
      alertType: 'resub',
      months: 7,
      message: [
        { type: 'text', text: '😀 hi ' },
        { type: 'emote', text: 'Kappa', id: '25' },
      ],
    });
  });

  it('falls back to receive time when the timestamp is malformed (never NaN)', () => {
    const [follow] = mapOne('channel.follow', '2', { ...B, ...user('fan') }, '2020-11-10T20:08:464757833Z');
    expect(follow).toMatchObject({ serverTime: NOW });
  });
});

describe('EventSub moderation mapping', () => {
  const mod = { ...B, moderator_user_id: '9', moderator_user_login: 'mod_a', moderator_user_name: 'Mod_A' };
  const target = { user_id: '77', user_login: 'troll', user_name: 'Troll' };
  const moderate = (action: string, extra: object = {}) =>
    mapOne('channel.moderate', '2', { ...mod, action, ...extra });

  it('bans, deletes, clears and shared-chat variants become confirmed removals plus a mod-log line', () => {
    const [ban, banLog] = moderate('ban', { ban: { ...target, reason: 'spam' } });
    expect(ban).toMatchObject({
      kind: 'removal',
      reason: 'ban',
      target: { type: 'user', login: 'troll', userId: '77' },
      by: 'Mod_A',
      confirmed: true,
    });
    expect(banLog).toMatchObject({
      kind: 'modlog',
      entry: { actor: 'Mod_A', action: 'ban', target: 'troll', detail: 'spam', result: 'ok' },
    });
    const [del] = moderate('delete', {
      delete: { ...target, message_id: 'msg-1', message_body: 'bad words' },
    });
    expect(del).toMatchObject({ reason: 'delete', target: { type: 'message', messageId: 'msg-1' } });
    expect(moderate('clear')[0]).toMatchObject({ reason: 'clear', target: { type: 'all' } });
    const [shared] = moderate('shared_chat_timeout', {
      shared_chat_timeout: { ...target, reason: 'x', expires_at: '2026-03-01T12:09:59.123Z' },
    });
    expect(shared).toMatchObject({ reason: 'timeout', durationSeconds: 600 });
  });

  it('mode actions become modes events; other actions only a mod-log line', () => {
    expect(moderate('slow', { slow: { wait_time_seconds: 30 } })[0]).toMatchObject({
      kind: 'modes',
      modes: { slowSeconds: 30 },
    });
    expect(moderate('slowoff')[0]).toMatchObject({ modes: { slowSeconds: 0 } });
    expect(moderate('subscribers')[0]).toMatchObject({ modes: { subsOnly: true } });
    expect(moderate('uniquechatoff')[0]).toMatchObject({ modes: { uniqueChat: false } });
    expect(moderate('emoteonlyoff')[0]).toMatchObject({ modes: { emoteOnly: false } });
    expect(moderate('vip', { vip: target }).map((e) => e.kind)).toEqual(['modlog']);
  });

  it('maps the channel.chat removal events', () => {
    const t = { target_user_id: '77', target_user_login: 'troll', target_user_name: 'Troll' };
    expect(mapOne('channel.chat.message_delete', '1', { ...B, ...t, message_id: 'abc' })[0]).toMatchObject({
      kind: 'removal',
      target: { type: 'message', messageId: 'abc' },
      reason: 'delete',
      confirmed: true,
    });
    expect(mapOne('channel.chat.clear_user_messages', '1', { ...B, ...t })[0]).toMatchObject({
      target: { type: 'user', userId: '77', login: 'troll' },
      confirmed: true,
    });
    expect(mapOne('channel.chat.clear', '1', B)[0]).toMatchObject({
      target: { type: 'all' },
      reason: 'clear',
    });
  });

  it('automod update status is compared case-insensitively; stream online/offline are notices', () => {
    const held = {
      ...B,
      ...user('author'),
      message_id: 'h1',
      message: { text: 'hey', fragments: [] },
      reason: 'blocked_term',
      automod: null,
      held_at: '2026-03-01T11:59:00Z',
    };
    expect(mapOne('automod.message.update', '2', { ...held, ...mod, status: 'Denied' })[0]).toMatchObject({
      status: 'denied',
      resolvedBy: 'Mod_A',
      parts: [{ type: 'text', text: 'hey' }],
    });
    expect(
      mapOne('stream.online', '1', { ...B, id: '1', type: 'live', started_at: '2026-03-01T11:00:00Z' })[0],
    ).toMatchObject({ kind: 'notice', code: 'stream_online', level: 'info' });
    expect(mapOne('stream.offline', '1', B)[0]).toMatchObject({ kind: 'notice', code: 'stream_offline' });
  });
});

describe('EventSub frame processor', () => {
  it('counts bad input instead of throwing', () => {
    const { processor, events } = setup();
    for (const raw of [
      '',
      'not json',
      '[]',
      'null',
      '{"metadata":{}}',
      '{"metadata":{"message_id":"x","message_type":"notification"}}',
    ]) {
      expect(processor.processRaw(raw)).toBe('malformed');
    }
    expect(processor.processRaw(frame('channel.cheer', '1', { ...B, bits: 'many' }))).toBe('malformed');
    expect(processor.processRaw(frame('channel.follow', '2', { ...B }))).toBe('malformed');
    expect(processor.processRaw(frame('channel.poll.begin', '1', B))).toBe('unknown');
    expect(processor.processRaw(frame('automod.message.hold', '1', B))).toBe('unknown');
    expect(
      processor.processRaw(
        JSON.stringify({ metadata: { message_id: 'y', message_type: 'brand_new' }, payload: {} }),
      ),
    ).toBe('unknown');
    expect(events).toEqual([]);
    expect(processor.counters).toMatchObject({ malformedFrames: 8, unknownTypes: 3 });
  });

  it('drops repeated message ids and notifications older than 10 minutes', () => {
    const { processor, events } = setup();
    const raw = frame('channel.follow', '2', { ...B, ...user('a') });
    expect(processor.processRaw(raw)).toBe('event');
    expect(processor.processRaw(raw)).toBe('duplicate');
    const old = new Date(NOW - STALE_AFTER_MS - 1000).toISOString();
    expect(processor.processRaw(frame('channel.follow', '2', { ...B, ...user('b') }, old))).toBe('stale');
    const recent = new Date(NOW - STALE_AFTER_MS + 1000).toISOString();
    expect(processor.processRaw(frame('channel.follow', '2', { ...B, ...user('c') }, recent))).toBe('event');
    expect(events).toHaveLength(2);
    expect(processor.counters).toMatchObject({
      duplicatesDropped: 1,
      staleDropped: 1,
      events: 2,
      notifications: 4,
    });
  });

  it('keeps the id cache bounded (least recently seen goes first)', () => {
    const cache = new MessageIdCache(3);
    expect(['a', 'b', 'c'].map((id) => cache.seen(id))).toEqual([false, false, false]);
    expect(cache.seen('a')).toBe(true); // refreshes a
    expect(cache.seen('d')).toBe(false); // evicts b
    expect(cache.size).toBe(3);
    expect(cache.seen('b')).toBe(false);
    expect(cache.seen('a')).toBe(true);
  });
});
