export {
  createHelixClient,
  type HelixClient,
  type HelixClientOptions,
  type HelixMethod,
  type HelixRequest,
  type HelixResponse,
  type HelixUser,
  type SentChatMessage,
} from './helix-client';
export { HelixError } from './helix-error';
export type { RateLimitSnapshot } from './rate-limiter';
export { capabilitiesForScopes, ACTION_SCOPES } from './capabilities';
export { createTwitchModeration, moderationFailure, type TwitchModerationOptions } from './moderation';
export { UserFactsCache, USER_FACTS_TTL_MS } from './user-facts';
