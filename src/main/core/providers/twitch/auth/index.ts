export { createTwitchAuthService } from './auth-service';
export type { TwitchAuthOptions, TwitchAuthService } from './types';
export { createFileSecretStore, createMemorySecretStore, type SecretStore } from './secret-store';
export { TWITCH_SCOPES } from './scopes';
