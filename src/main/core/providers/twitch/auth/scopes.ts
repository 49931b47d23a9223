/**
 * Everything OnAir may need, requested at once (docs/protocol-twitch.md §4.5 "Suggested single request"):
 * adding a scope later forces a new consent. `moderator:read:chat_messages`/`moderator:read:warnings` are
 * covered by the `manage` variants.
 */
export const TWITCH_SCOPES: readonly string[] = [
  'chat:read',
  'chat:edit',
  'user:read:chat',
  'user:write:chat',
  'moderator:manage:banned_users',
  'moderator:manage:chat_messages',
  'moderator:manage:automod',
  'moderator:manage:chat_settings',
  'moderator:manage:announcements',
  'moderator:manage:shoutouts',
  'moderator:manage:warnings',
  'moderator:read:followers',
  'moderator:read:blocked_terms',
  'moderator:read:unban_requests',
  'moderator:read:moderators',
  'moderator:read:vips',
  'channel:manage:moderators',
  'channel:moderate',
  'bits:read',
  'channel:read:subscriptions',
  'channel:read:redemptions',
];
