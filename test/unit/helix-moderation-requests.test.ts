import { describe, expect, it } from 'vitest';
import type { ModAction } from '../../src/shared/api';
import { capabilitiesForScopes } from '../../src/main/core/providers/twitch/helix/capabilities';
import { HelixError, helixError } from '../../src/main/core/providers/twitch/helix/helix-error';
import { moderationFailure } from '../../src/main/core/providers/twitch/helix/moderation';
import {
  chatSettingsBody,
  moderationRequest,
} from '../../src/main/core/providers/twitch/helix/moderation-requests';
import { TWITCH_SCOPES } from '../../src/main/core/providers/twitch/auth/scopes';

const ids = { broadcasterId: '10', moderatorId: '20' };
const scoped = { broadcaster_id: '10', moderator_id: '20' };
const lookup = async (login: string) => (login === 'other' ? '30' : '40');
const s = 'twitch:chan';

describe('ModAction → Helix request', () => {
  it.each<[string, ModAction, object]>([
    [
      'delete',
      { type: 'delete', sourceId: s, messageId: 'm1' },
      { method: 'DELETE', path: '/moderation/chat', query: { ...scoped, message_id: 'm1' } },
    ],
    [
      'clearChat',
      { type: 'clearChat', sourceId: s },
      { method: 'DELETE', path: '/moderation/chat', query: scoped },
    ],
    [
      'timeout',
      { type: 'timeout', sourceId: s, userId: '5', login: 'x', seconds: 60, reason: 'r' },
      {
        method: 'POST',
        path: '/moderation/bans',
        query: scoped,
        body: { data: { user_id: '5', duration: 60, reason: 'r' } },
      },
    ],
    [
      'ban',
      { type: 'ban', sourceId: s, userId: '5', login: 'x' },
      { method: 'POST', path: '/moderation/bans', body: { data: { user_id: '5' } } },
    ],
    [
      'unban',
      { type: 'unban', sourceId: s, userId: '5', login: 'x' },
      { method: 'DELETE', path: '/moderation/bans', query: { ...scoped, user_id: '5' } },
    ],
    [
      'warn',
      { type: 'warn', sourceId: s, userId: '5', login: 'x', reason: 'stop' },
      { method: 'POST', path: '/moderation/warnings', body: { data: { user_id: '5', reason: 'stop' } } },
    ],
    [
      'automod',
      { type: 'automod', sourceId: s, holdId: 'h', allow: false },
      {
        method: 'POST',
        path: '/moderation/automod/message',
        body: { user_id: '20', msg_id: 'h', action: 'DENY' },
      },
    ],
    [
      'shoutout',
      { type: 'shoutout', sourceId: s, login: 'other' },
      {
        method: 'POST',
        path: '/chat/shoutouts',
        query: { from_broadcaster_id: '10', to_broadcaster_id: '30', moderator_id: '20' },
      },
    ],
    [
      'announce',
      { type: 'announce', sourceId: s, text: 'hi' },
      {
        method: 'POST',
        path: '/chat/announcements',
        query: scoped,
        body: { message: 'hi', color: 'primary' },
      },
    ],
    [
      'mod',
      { type: 'mod', sourceId: s, login: 'x' },
      { method: 'POST', path: '/moderation/moderators', query: { broadcaster_id: '10', user_id: '40' } },
    ],
    [
      'unmod',
      { type: 'unmod', sourceId: s, login: 'x', userId: '7' },
      { method: 'DELETE', path: '/moderation/moderators', query: { broadcaster_id: '10', user_id: '7' } },
    ],
  ])('%s', async (_name, action, expected) => {
    expect(await moderationRequest(action, ids, lookup)).toMatchObject(expected);
  });

  it('a ban has no duration; a timeout without reason sends none', async () => {
    const ban = await moderationRequest({ type: 'ban', sourceId: s, userId: '5', login: 'x' }, ids, lookup);
    expect(ban.body).toEqual({ data: { user_id: '5' } });
  });

  it('refuses what Twitch cannot do', async () => {
    await expect(
      moderationRequest({ type: 'ipban', sourceId: s, address: '1.1.1.1' }, ids, lookup),
    ).rejects.toThrow(/no "ipban"/);
  });
});

describe('chat settings body (flag + duration rules)', () => {
  it('sends the flag true with a duration, false without one', () => {
    expect(chatSettingsBody({ slowSeconds: 30, followersOnlyMinutes: 10 })).toEqual({
      slow_mode: true,
      slow_mode_wait_time: 30,
      follower_mode: true,
      follower_mode_duration: 10,
    });
    expect(chatSettingsBody({ slowSeconds: 0, followersOnlyMinutes: null })).toEqual({
      slow_mode: false,
      follower_mode: false,
    });
    expect(chatSettingsBody({ emoteOnly: false, subsOnly: true, uniqueChat: true })).toEqual({
      emote_mode: false,
      subscriber_mode: true,
      unique_chat_mode: true,
    });
  });

  it('rejects empty changes and slow mode under 3 s', () => {
    expect(() => chatSettingsBody({})).toThrow(/No chat mode/);
    expect(() => chatSettingsBody({ slowSeconds: 1 })).toThrow(/3 to 120/);
  });
});

describe('capabilities and failure texts', () => {
  it('maps scopes to capabilities', () => {
    expect(capabilitiesForScopes(null)).toEqual([]);
    expect(capabilitiesForScopes(['moderator:manage:banned_users'])).toEqual(['timeout', 'ban', 'unban']);
    expect(capabilitiesForScopes(TWITCH_SCOPES)).toHaveLength(12);
  });

  const channel = { login: 'chan' };
  const ban: ModAction = { type: 'ban', sourceId: s, userId: '1', login: 'x' };
  it.each<[number, string, ModAction, string]>([
    [
      401,
      'Missing scope: moderator:manage:banned_users',
      ban,
      'OnAir lacks the permission "moderator:manage:banned_users" — log in again.',
    ],
    [
      403,
      "The user in moderator_id is not one of the broadcaster's moderators.",
      ban,
      'You are not a moderator of #chan.',
    ],
    [
      404,
      'Message not found',
      { type: 'delete', sourceId: s, messageId: 'm' },
      'That message is gone or older than 6 hours.',
    ],
    [409, 'Conflict', ban, "Someone else is changing this user's ban — try again."],
    [429, 'Too Many Requests', ban, 'Twitch rate limit — wait a moment.'],
    [400, 'user is already banned', ban, 'user is already banned'],
    [500, 'oops', ban, 'Twitch had a problem (HTTP 500) — try again.'],
  ])('%i %s', (status, twitchMessage, action, text) => {
    const result = moderationFailure(action, channel, helixError(status, twitchMessage));
    expect(result).toMatchObject({ ok: false, message: text });
  });

  it('HelixError finds the missing scope', () => {
    expect(
      new HelixError(401, 'unauthorized', '', 'Missing scope: channel:manage:moderators').missingScope,
    ).toBe('channel:manage:moderators');
    expect(helixError(401, 'Invalid OAuth token').missingScope).toBeNull();
  });
});
