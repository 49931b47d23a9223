import type { SourceConfig } from '../../../shared/settings';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../twitch/auth/secret-store';
import type { TwitchAccount } from '../twitch/twitch-account';
import type { SourceFactory } from '../source-manager';
import { createChatKcSource } from './chatkc';
import { createDemoSource } from './demo';
import { createTwitchIrcSource } from './twitch-irc';

export interface RegistryDeps {
  twitch: TwitchAccount;
  /** ChatKC tokens, stored as a JSON object `{ [sourceId]: token }`. */
  secrets: SecretStore;
  log: Logger;
}

async function chatKcToken(secrets: SecretStore, sourceId: string, log: Logger): Promise<string | null> {
  try {
    const raw = await secrets.load();
    if (!raw) return null;
    const tokens = JSON.parse(raw) as Record<string, unknown>;
    const token = tokens[sourceId];
    return typeof token === 'string' && token ? token : null;
  } catch (error) {
    log.warn('could not read the ChatKC token store; connecting read-only', error);
    return null;
  }
}

/** Maps a source config to its provider; the only place that knows every provider. */
export function createSourceFactory(deps: RegistryDeps): SourceFactory {
  return async (config: SourceConfig, ctx) => {
    switch (config.type) {
      case 'demo':
        return createDemoSource(config, ctx);
      case 'twitch':
        return createTwitchIrcSource(config, ctx, {
          auth: config.anonymous ? undefined : deps.twitch.tokenAuth(),
          moderation: deps.twitch.moderation ?? undefined,
        });
      case 'chatkc':
        return createChatKcSource(config, ctx, { token: await chatKcToken(deps.secrets, config.id, deps.log) });
    }
  };
}
