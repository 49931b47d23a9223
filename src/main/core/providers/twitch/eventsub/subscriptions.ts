import type { EventSubSubscriptionRequest } from '../eventsub-types';

/** One subscription type we create per watched channel (docs/protocol-twitch.md §2.7). */
interface SubscriptionSpec {
  type: string;
  version: string;
  /** Condition for broadcaster `channelId` read with the token of `tokenUserId`. */
  condition: (channelId: string, tokenUserId: string) => Record<string, string>;
  /** All groups must be satisfied; a group is satisfied by any one of its scopes. */
  scopes: string[][];
  /** Only the broadcaster's own token may create it (bits, subs, channel points). */
  broadcasterOnly?: boolean;
}

const byBroadcaster = (channelId: string): Record<string, string> => ({ broadcaster_user_id: channelId });
const asModerator = (channelId: string, tokenUserId: string): Record<string, string> => ({
  broadcaster_user_id: channelId,
  moderator_user_id: tokenUserId,
});
const asReader = (channelId: string, tokenUserId: string): Record<string, string> => ({
  broadcaster_user_id: channelId,
  user_id: tokenUserId,
});

const SUBS = [['channel:read:subscriptions']];
const CHAT = [['user:read:chat']];
const AUTOMOD = [['moderator:manage:automod']];
const readOrManage = (what: string): string[] => [`moderator:read:${what}`, `moderator:manage:${what}`];

export const SUBSCRIPTION_SPECS: readonly SubscriptionSpec[] = [
  {
    type: 'channel.cheer',
    version: '1',
    condition: byBroadcaster,
    scopes: [['bits:read']],
    broadcasterOnly: true,
  },
  { type: 'channel.subscribe', version: '1', condition: byBroadcaster, scopes: SUBS, broadcasterOnly: true },
  {
    type: 'channel.subscription.message',
    version: '1',
    condition: byBroadcaster,
    scopes: SUBS,
    broadcasterOnly: true,
  },
  {
    type: 'channel.subscription.gift',
    version: '1',
    condition: byBroadcaster,
    scopes: SUBS,
    broadcasterOnly: true,
  },
  { type: 'channel.raid', version: '1', condition: (id) => ({ to_broadcaster_user_id: id }), scopes: [] },
  { type: 'channel.follow', version: '2', condition: asModerator, scopes: [['moderator:read:followers']] },
  {
    type: 'channel.channel_points_custom_reward_redemption.add',
    version: '1',
    condition: byBroadcaster,
    scopes: [['channel:read:redemptions', 'channel:manage:redemptions']],
    broadcasterOnly: true,
  },
  { type: 'automod.message.hold', version: '2', condition: asModerator, scopes: AUTOMOD },
  { type: 'automod.message.update', version: '2', condition: asModerator, scopes: AUTOMOD },
  {
    type: 'channel.moderate',
    version: '2',
    condition: asModerator,
    scopes: [
      ...[
        'blocked_terms',
        'chat_settings',
        'unban_requests',
        'banned_users',
        'chat_messages',
        'warnings',
      ].map(readOrManage),
      ['moderator:read:moderators'],
      ['moderator:read:vips'],
    ],
  },
  { type: 'channel.chat.message_delete', version: '1', condition: asReader, scopes: CHAT },
  { type: 'channel.chat.clear_user_messages', version: '1', condition: asReader, scopes: CHAT },
  { type: 'channel.chat.clear', version: '1', condition: asReader, scopes: CHAT },
  { type: 'stream.online', version: '1', condition: byBroadcaster, scopes: [] },
  { type: 'stream.offline', version: '1', condition: byBroadcaster, scopes: [] },
];

export interface PlannedSubscription {
  /** `type@version|condition` — identifies it within one session (resubscribe skips existing ones). */
  key: string;
  channel: string;
  request: EventSubSubscriptionRequest;
}

export interface SkippedSubscription {
  type: string;
  channel: string;
  why: string;
}

export interface SubscriptionPlan {
  create: PlannedSubscription[];
  skipped: SkippedSubscription[];
}

function missingScopes(spec: SubscriptionSpec, scopes: ReadonlySet<string>): string[] {
  return spec.scopes
    .filter((group) => !group.some((scope) => scopes.has(scope)))
    .map((group) => group.join('|'));
}

/** Everything to create for these channels "as permissions allow": types the token cannot get are skipped. */
export function planSubscriptions(
  token: { userId: string; scopes: readonly string[] },
  channels: ReadonlyArray<{ login: string; userId: string }>,
  sessionId: string,
): SubscriptionPlan {
  const scopes = new Set(token.scopes);
  const plan: SubscriptionPlan = { create: [], skipped: [] };
  const seen = new Set<string>();
  for (const channel of channels) {
    if (!channel.userId || seen.has(channel.userId)) continue; // no id yet, or listed twice
    seen.add(channel.userId);
    for (const spec of SUBSCRIPTION_SPECS) {
      if (spec.broadcasterOnly && channel.userId !== token.userId) {
        plan.skipped.push({
          type: spec.type,
          channel: channel.login,
          why: 'needs the broadcaster’s own login',
        });
        continue;
      }
      const missing = missingScopes(spec, scopes);
      if (missing.length > 0) {
        plan.skipped.push({
          type: spec.type,
          channel: channel.login,
          why: `missing scope ${missing.join(', ')}`,
        });
        continue;
      }
      const condition = spec.condition(channel.userId, token.userId);
      plan.create.push({
        key: `${spec.type}@${spec.version}|${JSON.stringify(condition)}`,
        channel: channel.login,
        request: {
          type: spec.type,
          version: spec.version,
          condition,
          transport: { method: 'websocket', session_id: sessionId },
        },
      });
    }
  }
  return plan;
}
