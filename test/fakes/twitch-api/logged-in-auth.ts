import type { Clock } from '../../../src/main/core/clock';
import type { Logger } from '../../../src/main/core/log/logger';
import {
  createMemorySecretStore,
  createTwitchAuthService,
  type TwitchAuthService,
} from '../../../src/main/core/providers/twitch/auth';
import { serializeLogin } from '../../../src/main/core/providers/twitch/auth/stored-login';
import type { FakeTwitchApi } from './index';
import type { MintedTokens } from './fake-state';

/**
 * A real auth service logged in as `login` the way a restart would find it: a stored token pair the fake
 * minted, validated by `init()`. Helix and moderation tests start from here.
 */
export async function createLoggedInAuth(
  api: FakeTwitchApi,
  options: { login?: string; scopes?: string[]; clock: Clock; log: Logger },
): Promise<{
  auth: TwitchAuthService;
  minted: MintedTokens;
  store: ReturnType<typeof createMemorySecretStore>;
}> {
  const { store, minted } = storedLogin(api, options.login, options.scopes);
  const auth = createTwitchAuthService({
    clientId: api.clientId,
    oauthBase: api.oauthBase,
    store,
    clock: options.clock,
    log: options.log,
  });
  await auth.init();
  if (auth.state().status !== 'logged-in') throw new Error('fake login failed');
  return { auth, minted, store };
}

/** A stored login for `login` as a restart finds it (a token pair the fake minted): no device flow needed. */
export function storedLogin(
  api: FakeTwitchApi,
  login = 'streamer',
  scopes?: string[],
): { store: ReturnType<typeof createMemorySecretStore>; minted: MintedTokens; accessToken: string } {
  const minted = api.mintToken(login, scopes);
  const token = {
    accessToken: minted.accessToken,
    userId: '',
    login: '',
    scopes: [],
    clientId: api.clientId,
    expiresAt: null,
  };
  const store = createMemorySecretStore(serializeLogin({ token, refreshToken: minted.refreshToken }));
  return { store, minted, accessToken: minted.accessToken };
}
