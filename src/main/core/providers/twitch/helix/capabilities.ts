import type { ModActionType } from '../../../../../shared/api';
import type { Capability } from '../../../../../shared/events';

/** The scope each Helix-backed moderation action needs (docs/protocol-twitch.md §1.16 / §3.2). */
export const ACTION_SCOPES: Partial<Record<ModActionType, string>> = {
  delete: 'moderator:manage:chat_messages',
  clearChat: 'moderator:manage:chat_messages',
  timeout: 'moderator:manage:banned_users',
  ban: 'moderator:manage:banned_users',
  unban: 'moderator:manage:banned_users',
  warn: 'moderator:manage:warnings',
  automod: 'moderator:manage:automod',
  chatModes: 'moderator:manage:chat_settings',
  shoutout: 'moderator:manage:shoutouts',
  announce: 'moderator:manage:announcements',
  mod: 'channel:manage:moderators',
  unmod: 'channel:manage:moderators',
};

/** What a token with these scopes can do; `[]` when logged out. */
export function capabilitiesForScopes(scopes: readonly string[] | null): Capability[] {
  if (!scopes) return [];
  const granted = new Set(scopes);
  return (Object.entries(ACTION_SCOPES) as Array<[ModActionType, string]>)
    .filter(([, scope]) => granted.has(scope))
    .map(([action]) => action as Capability);
}
