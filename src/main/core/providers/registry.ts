import type { SourceConfig } from '../../../shared/settings';
import type { Logger } from '../log/logger';
import type { TwitchAccount } from './twitch/twitch-account';
import { createChatKcSource } from './chatkc';
import { createDemoSource } from './demo';
import { createTwitchIrcSource } from './twitch/irc';
import type { SourceFactory } from './source';
import type { SourceTokens } from './source-tokens';
import { createStreamElementsSource } from './tips/streamelements';
import { createStreamlabsSource } from './tips/streamlabs';

export interface RegistryDeps {
  twitch: TwitchAccount;
  tokens: SourceTokens;
  log: Logger;
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
          badges: deps.twitch.badges,
        });
      case 'chatkc':
        return createChatKcSource(config, ctx, { token: await deps.tokens.get(config.id) });
      case 'streamlabs':
        return createStreamlabsSource(config, ctx, { token: await deps.tokens.get(config.id) });
      case 'streamelements':
        return createStreamElementsSource(config, ctx, { token: await deps.tokens.get(config.id) });
    }
  };
}
