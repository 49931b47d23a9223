/**
 * Subscription types the fake EventSub server accepts (docs/protocol-twitch.md §2.7), written from the Twitch
 * reference independently of the client's own table so the fake can catch client mistakes.
 */
export interface FakeSubscriptionType {
  /** Every one must be present (strings). */
  condition: string[];
  /** Exactly one of these must be present (channel.raid). */
  oneOf?: string[];
  /** All groups must be satisfied; any scope of a group satisfies it. */
  scopes: string[][];
  /** Condition fields that must equal the token user (moderator / reader). */
  tokenUserFields: string[];
  /** The broadcaster's own token only (bits, subs, channel points). */
  broadcasterOnly?: boolean;
  /** 1 when no authorization is needed (raid, stream.*) — cost 0 when the condition user is the token user. */
  unauthenticated?: boolean;
}

const SUBS = [['channel:read:subscriptions']];
const CHAT = [['user:read:chat']];
const AUTOMOD = [['moderator:manage:automod']];
const bcast = (scopes: string[][]): FakeSubscriptionType => ({
  condition: ['broadcaster_user_id'],
  scopes,
  tokenUserFields: [],
  broadcasterOnly: true,
});
const asMod = (scopes: string[][]): FakeSubscriptionType => ({
  condition: ['broadcaster_user_id', 'moderator_user_id'],
  scopes,
  tokenUserFields: ['moderator_user_id'],
});
const asReader: FakeSubscriptionType = {
  condition: ['broadcaster_user_id', 'user_id'],
  scopes: CHAT,
  tokenUserFields: ['user_id'],
};
const open: FakeSubscriptionType = {
  condition: ['broadcaster_user_id'],
  scopes: [],
  tokenUserFields: [],
  unauthenticated: true,
};
const both = (what: string): string[] => [`moderator:read:${what}`, `moderator:manage:${what}`];

export const FAKE_TYPES: Record<string, FakeSubscriptionType> = {
  'channel.cheer@1': bcast([['bits:read']]),
  'channel.subscribe@1': bcast(SUBS),
  'channel.subscription.message@1': bcast(SUBS),
  'channel.subscription.gift@1': bcast(SUBS),
  'channel.subscription.end@1': bcast(SUBS),
  'channel.channel_points_custom_reward_redemption.add@1': bcast([
    ['channel:read:redemptions', 'channel:manage:redemptions'],
  ]),
  'channel.ban@1': bcast([['channel:moderate']]),
  'channel.unban@1': bcast([['channel:moderate']]),
  'channel.raid@1': {
    condition: [],
    oneOf: ['from_broadcaster_user_id', 'to_broadcaster_user_id'],
    scopes: [],
    tokenUserFields: [],
    unauthenticated: true,
  },
  'channel.follow@2': asMod([['moderator:read:followers']]),
  'automod.message.hold@2': asMod(AUTOMOD),
  'automod.message.update@2': asMod(AUTOMOD),
  'channel.moderate@2': asMod([
    both('blocked_terms'),
    both('chat_settings'),
    both('unban_requests'),
    both('banned_users'),
    both('chat_messages'),
    both('warnings'),
    ['moderator:read:moderators'],
    ['moderator:read:vips'],
  ]),
  'channel.chat.message@1': asReader,
  'channel.chat.notification@1': asReader,
  'channel.chat.message_delete@1': asReader,
  'channel.chat.clear_user_messages@1': asReader,
  'channel.chat.clear@1': asReader,
  'stream.online@1': open,
  'stream.offline@1': open,
};

/** Versions Twitch retired: creating them answers 410 Gone (the CLI mock does this for channel.follow v1). */
export const GONE_TYPES = new Set(['channel.follow@1']);

export const MAX_SUBSCRIPTIONS_PER_SESSION = 300;
export const MAX_TOTAL_COST = 10;
