import { HelixApi, type HelixClient, type HelixClientOptions } from './helix-client';

export type {
  HelixClient,
  HelixClientOptions,
  HelixMethod,
  HelixRequest,
  HelixResponse,
  HelixUser,
  SentChatMessage,
} from './helix-client';
export { HelixError } from './helix-error';
export type { RateLimitSnapshot } from './rate-limiter';
export { capabilitiesForScopes, ACTION_SCOPES } from './capabilities';
export { createTwitchModeration, moderationFailure, type TwitchModerationOptions } from './moderation';

/** Helix over fetch: Bearer + Client-Id, rate-limit headers, one refresh-and-retry on an invalid token. */
export function createHelixClient(options: HelixClientOptions): HelixClient {
  return new HelixApi(options);
}
