import { TwitchAuthSession, type TwitchAuthOptions, type TwitchAuthService } from './auth-service';

export type { TwitchAuthOptions, TwitchAuthService } from './auth-service';
export { createFileSecretStore, createMemorySecretStore, type SecretStore } from './secret-store';
export { TWITCH_SCOPES } from './scopes';

/** The Twitch login (Device Code flow, public client) and token lifecycle. Call `init()` once. */
export function createTwitchAuthService(options: TwitchAuthOptions): TwitchAuthService {
  return new TwitchAuthSession(options);
}
