import { describe, expect, it } from 'vitest';
import {
  planSubscriptions,
  SUBSCRIPTION_SPECS,
} from '../../src/main/core/providers/twitch/eventsub/subscriptions';

const MODERATE_SCOPES = [
  'moderator:read:blocked_terms',
  'moderator:manage:chat_settings',
  'moderator:read:unban_requests',
  'moderator:manage:banned_users',
  'moderator:read:chat_messages',
  'moderator:manage:warnings',
  'moderator:read:moderators',
  'moderator:read:vips',
];

describe('EventSub subscription plan', () => {
  it('covers the 15 types with the token user as moderator/reader', () => {
    expect(SUBSCRIPTION_SPECS).toHaveLength(15);
    const plan = planSubscriptions(
      { userId: '1', scopes: ['moderator:manage:automod', 'user:read:chat', ...MODERATE_SCOPES] },
      [{ login: 'me', userId: '1' }],
      'sess',
    );
    const byType = Object.fromEntries(plan.create.map((p) => [p.request.type, p.request]));
    expect(byType['channel.moderate']).toEqual({
      type: 'channel.moderate',
      version: '2',
      condition: { broadcaster_user_id: '1', moderator_user_id: '1' },
      transport: { method: 'websocket', session_id: 'sess' },
    });
    expect(byType['automod.message.update']?.version).toBe('2');
    expect(byType['channel.chat.message_delete']?.condition).toEqual({
      broadcaster_user_id: '1',
      user_id: '1',
    });
    expect(plan.skipped.map((s) => s.type).sort()).toEqual([
      'channel.channel_points_custom_reward_redemption.add',
      'channel.cheer',
      'channel.follow',
      'channel.subscribe',
      'channel.subscription.gift',
      'channel.subscription.message',
    ]);
  });

  it('a moderator token skips broadcaster-only types and channel.moderate needs every scope group', () => {
    const all = [
      'bits:read',
      'channel:read:subscriptions',
      'channel:read:redemptions',
      ...MODERATE_SCOPES.slice(1),
    ];
    const plan = planSubscriptions({ userId: '9', scopes: all }, [{ login: 'them', userId: '5' }], 's');
    const skipped = Object.fromEntries(plan.skipped.map((s) => [s.type, s.why]));
    expect(skipped['channel.cheer']).toContain('broadcaster');
    expect(skipped['channel.moderate']).toBe(
      'missing scope moderator:read:blocked_terms|moderator:manage:blocked_terms',
    );
    expect(plan.create.map((p) => p.request.type).sort()).toEqual([
      'channel.raid',
      'stream.offline',
      'stream.online',
    ]);
    expect(plan.create.find((p) => p.request.type === 'channel.raid')?.request.condition).toEqual({
      to_broadcaster_user_id: '5',
    });
  });

  it('ignores channels without a user id and channels listed twice', () => {
    const plan = planSubscriptions(
      { userId: '9', scopes: [] },
      [
        { login: 'a', userId: '' },
        { login: 'b', userId: '5' },
        { login: 'B', userId: '5' },
      ],
      's',
    );
    expect(plan.create.map((p) => p.channel)).toEqual(['b', 'b', 'b']);
  });
});
