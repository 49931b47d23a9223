import { TwitchAuthSession } from './auth-service';
import type { TwitchAuthOptions, TwitchAuthService } from './types';

export type { TwitchAuthOptions, TwitchAuthService } from './types';
export { createFileSecretStore, createMemorySecretStore, type SecretStore } from './secret-store';
export { TWITCH_SCOPES } from './scopes';

/** The Twitch login (Device Code flow, public client) and token lifecycle. Call `init()` once. */
export function createTwitchAuthService(options: TwitchAuthOptions): TwitchAuthService {
  return new TwitchAuthSession(options);
}
