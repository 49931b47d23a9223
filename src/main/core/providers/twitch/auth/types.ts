import type { ActionResult } from '../../../../../shared/api';
import type { AuthState } from '../../../../../shared/events';
import type { Clock } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { TwitchAuth } from '../account';
import type { SecretStore } from './secret-store';

export interface TwitchAuthOptions {
  clientId: string;
  /** e.g. `https://id.twitch.tv/oauth2` */
  oauthBase: string;
  store: SecretStore;
  clock: Clock;
  log: Logger;
  scopes?: string[];
  fetch?: typeof fetch;
  /** Twitch requires validating at start and then every hour. */
  validateIntervalMs?: number;
  /** Refresh this long before the access token expires (but not before half its remaining life). */
  refreshLeadMs?: number;
  requestTimeoutMs?: number;
}

export interface TwitchAuthService extends TwitchAuth {
  /** Load the stored login and validate it. Never throws. */
  init(): Promise<void>;
  state(): AuthState;
  onState(listener: (state: AuthState) => void): () => void;
  startDeviceLogin(): Promise<ActionResult>;
  cancelLogin(): Promise<ActionResult>;
  /** Revoke the token, clear the store, state logged-out. */
  logout(): Promise<void>;
  /** Validate the current token now (also runs hourly). True when it is valid (possibly after a refresh). */
  validateNow(): Promise<boolean>;
  /** Clear every timer; the instance is unusable afterwards. */
  stop(): void;
}
