import type { ActionResult } from '../../../../shared/api';
import type { AuthState, NoticeLevel, OnAirEvent, SourceRef } from '../../../../shared/events';
import type { Settings } from '../../../../shared/settings';
import type { Clock } from '../../clock';
import type { Logger } from '../../log/logger';
import type { TwitchAuth, TwitchModeration } from './account';
import { createTwitchAuthService, type TwitchAuthService } from './auth';
import { TwitchBadgeCatalogue } from './badges';
import type { SecretStore } from './auth/secret-store';
import { createEventSubClient, type EventSubClient } from './eventsub';
import { createHelixClient, createTwitchModeration, UserFactsCache, type HelixClient } from './helix';
import type { TwitchUserFacts } from '../../../../shared/user-card-types';

export interface TwitchAccountOptions {
  settings: () => Settings;
  store: SecretStore;
  clock: Clock;
  log: Logger;
  emit: (event: OnAirEvent) => void;
  /** Twitch channels configured as sources (login → the source's ref). */
  channels: () => Array<{ login: string; ref: SourceRef }>;
  fetch?: typeof fetch;
  /** The badge image cache file (JSON in the data folder); absent: kept in memory only. */
  badgeCachePath?: string;
}

let noticeCounter = 0;
const accountNotice = (level: NoticeLevel, text: string, at: number): OnAirEvent => ({
  kind: 'notice',
  id: `twitch-account:${++noticeCounter}`,
  source: { sourceId: 'twitch-account', provider: 'twitch', channel: 'twitch' },
  level,
  text,
  at,
});

const loggedOut: AuthState = { provider: 'twitch', status: 'logged-out' };
const needClientId: ActionResult = {
  ok: false,
  code: 'bad-request',
  message: 'Set your Twitch client id in Settings first (README → "Log in to Twitch").',
};

/**
 * The logged-in Twitch account: Device-flow login, Helix moderation and EventSub alerts, wired together. It
 * exists only when a client id is configured; sources read `auth`/`moderation` and restart on `onChange`.
 */
export class TwitchAccount {
  auth: TwitchAuthService | null = null;
  moderation: TwitchModeration | null = null;
  private helix: HelixClient | null = null;
  private userFacts: UserFactsCache | null = null;
  private eventSub: EventSubClient | null = null;
  private readonly listeners = new Set<() => void>();
  private lastLogin: string | null = null;
  /** Badge images: fetched while logged in, kept (and cached on disk) after a logout. */
  readonly badges: TwitchBadgeCatalogue;

  constructor(private readonly options: TwitchAccountOptions) {
    this.badges = new TwitchBadgeCatalogue({
      path: options.badgeCachePath ?? null,
      clock: options.clock,
      log: options.log.child('badges'),
      helix: () => (this.auth?.token() ? this.helix : null),
      notify: (level, text) => options.emit(accountNotice(level, text, options.clock.now())),
    });
  }

  async start(): Promise<void> {
    await this.badges.load();
    const settings = this.options.settings();
    if (!settings.twitch.clientId) return;
    const log = this.options.log;
    this.auth = createTwitchAuthService({
      clientId: settings.twitch.clientId,
      oauthBase: settings.endpoints.twitchOAuth,
      store: this.options.store,
      clock: this.options.clock,
      log: log.child('auth'),
      fetch: this.options.fetch,
    });
    this.helix = createHelixClient({
      baseUrl: settings.endpoints.twitchHelix,
      auth: this.auth,
      clock: this.options.clock,
      log: log.child('helix'),
      fetch: this.options.fetch,
    });
    const auth = this.auth;
    this.userFacts = new UserFactsCache(this.helix, this.options.clock, () => auth.token()?.userId ?? null);
    this.moderation = createTwitchModeration({
      helix: this.helix,
      auth: this.auth,
      log: log.child('moderation'),
    });
    this.auth.onState((state) => {
      this.options.emit({ kind: 'auth', state });
      void this.onAuthState(state);
    });
    await this.auth.init();
  }

  async stop(): Promise<void> {
    this.badges.stop();
    await this.eventSub?.stop();
    this.eventSub = null;
    this.auth?.stop();
  }

  state(): AuthState {
    return this.auth?.state() ?? loggedOut;
  }

  tokenAuth(): TwitchAuth | undefined {
    return this.auth?.token() ? this.auth : undefined;
  }

  /** A chatter's Helix facts for the user card; null when no login can ask (each fact says why it failed). */
  async chatterFacts(channel: string, userId: string): Promise<TwitchUserFacts | null> {
    if (!this.userFacts || !this.auth?.token()) return null;
    return this.userFacts.facts({ channel, userId });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(): Promise<ActionResult> {
    return this.auth ? this.auth.startDeviceLogin() : needClientId;
  }

  async cancel(): Promise<ActionResult> {
    this.auth?.cancelLogin();
    return { ok: true, local: true };
  }

  async logout(): Promise<ActionResult> {
    if (!this.auth) return { ok: true, local: true };
    await this.auth.logout();
    return { ok: true, local: false, detail: 'Logged out; the token was revoked.' };
  }

  /** Restart EventSub when the channels change (sources added/removed). */
  async channelsChanged(): Promise<void> {
    if (this.auth?.token()) await this.restartEventSub();
  }

  private async onAuthState(state: AuthState): Promise<void> {
    const login = state.status === 'logged-in' ? (state.login ?? null) : null;
    if (login === this.lastLogin) return;
    this.lastLogin = login;
    if (login) {
      void this.badges.refresh();
      await this.restartEventSub();
    } else {
      this.badges.stop();
      await this.eventSub?.stop();
      this.eventSub = null;
    }
    for (const listener of this.listeners) listener();
  }

  private async restartEventSub(): Promise<void> {
    await this.eventSub?.stop();
    this.eventSub = null;
    const auth = this.auth;
    const helix = this.helix;
    if (!auth || !helix) return;
    const channels = await this.resolveChannels(helix);
    const refs = new Map(this.options.channels().map((c) => [c.login, c.ref]));
    const own = auth.token()?.login ?? 'twitch';
    this.eventSub = createEventSubClient({
      url: this.options.settings().endpoints.twitchEventSub,
      auth,
      createSubscription: (request) => helix.createEventSubSubscription(request),
      resolveRef: (login) =>
        refs.get(login) ?? { sourceId: `twitch:${login}`, provider: 'twitch', channel: login },
      emit: this.options.emit,
      clock: this.options.clock,
      log: this.options.log.child('eventsub'),
      channels: () => (channels.length > 0 ? channels : [{ login: own, userId: auth.token()?.userId ?? '' }]),
    });
    this.eventSub.start();
  }

  /** Broadcaster ids for the configured channels (EventSub conditions need ids, not logins). */
  private async resolveChannels(helix: HelixClient): Promise<Array<{ login: string; userId: string }>> {
    const logins = this.options.channels().map((c) => c.login);
    if (logins.length === 0) return [];
    try {
      const users = await helix.getUsersByLogin(logins);
      return users.map((user) => ({ login: user.login, userId: user.id }));
    } catch (error) {
      this.options.log.warn('could not look up the Twitch channels for alerts', error);
      return [];
    }
  }
}
