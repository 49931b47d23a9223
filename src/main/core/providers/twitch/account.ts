import type { ActionResult, ModAction } from '../../../../shared/api';
import type { Capability, SourceRef } from '../../../../shared/events';

/** A Twitch user access token with what `/validate` said about it. Never log it. */
export interface TwitchToken {
  accessToken: string;
  userId: string;
  login: string;
  scopes: string[];
  clientId: string;
  /** ms since epoch, or null when unknown. */
  expiresAt: number | null;
}

/**
 * The logged-in Twitch account as the rest of the core sees it (implemented in `twitch/auth`). IRC uses it for
 * `PASS oauth:…`, Helix for `Authorization: Bearer …`, EventSub to create subscriptions.
 */
export interface TwitchAuth {
  /** The current token, or null when logged out / login needed. */
  token(): TwitchToken | null;
  /**
   * Call after a 401 or an IRC login failure with the token that failed. Refreshes once even when called
   * concurrently (single flight); resolves to the new token, or null when the user must log in again.
   */
  refresh(failedAccessToken: string): Promise<TwitchToken | null>;
  onChange(listener: (token: TwitchToken | null) => void): () => void;
}

/** A Twitch channel as moderation needs it. `roomId` (broadcaster user id) is looked up when absent. */
export interface TwitchChannel {
  login: string;
  roomId?: string;
}

/** Helix-backed moderation for one account (implemented in `twitch/helix`). */
export interface TwitchModeration {
  /** What the current token's scopes allow (empty when logged out). */
  capabilities(): Capability[];
  act(channel: TwitchChannel, action: ModAction): Promise<ActionResult>;
}

/** Maps a broadcaster login to the configured source that shows that channel (for EventSub events). */
export type ResolveTwitchRef = (broadcasterLogin: string) => SourceRef;
