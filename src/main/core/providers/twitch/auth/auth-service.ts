import type { ActionResult } from '../../../../../shared/api';
import type { AuthState } from '../../../../../shared/events';
import { registerSecret } from '../../../log/mask';
import type { TwitchToken } from '../account';
import { DeviceLoginFlow } from './device-login';
import { OAuthClient, type TokenResponse, type ValidateResponse } from './oauth-client';
import { TokenTimers, tokenFromResponse, withValidation } from './token-timers';
import { TWITCH_SCOPES } from './scopes';
import type { TwitchAuthOptions, TwitchAuthService } from './types';
import { parseStoredLogin, serializeLogin, type StoredLogin } from './stored-login';

const LOGIN_EXPIRED = 'Your Twitch login expired or was disconnected — log in again.';

/** The Twitch login (Device Code flow, public client) and token lifecycle. Call `init()` once. */
export function createTwitchAuthService(options: TwitchAuthOptions): TwitchAuthService {
  return new TwitchAuthSession(options);
}

export class TwitchAuthSession implements TwitchAuthService {
  private session: StoredLogin | null = null;
  private current: AuthState = { provider: 'twitch', status: 'logged-out' };
  private refreshing: Promise<TwitchToken | null> | null = null;
  private storeWrites: Promise<void> = Promise.resolve();
  private device: DeviceLoginFlow | null = null;
  private readonly timers: TokenTimers;
  private stopped = false;
  private readonly oauth: OAuthClient;
  private readonly scopes: string[];
  private readonly stateListeners = new Set<(s: AuthState) => void>();
  private readonly tokenListeners = new Set<(t: TwitchToken | null) => void>();

  constructor(private readonly options: TwitchAuthOptions) {
    this.scopes = options.scopes ?? [...TWITCH_SCOPES];
    const base = options.oauthBase.replace(/\/+$/, '');
    this.timers = new TokenTimers(options.clock, options, {
      refresh: (accessToken) => void this.refresh(accessToken),
      validate: () => void this.validateNow(),
    });
    this.oauth = new OAuthClient(
      base,
      options.clientId,
      options.fetch ?? fetch,
      options.requestTimeoutMs ?? 15_000,
    );
  }

  token(): TwitchToken | null {
    return this.session?.token ?? null;
  }

  state(): AuthState {
    return this.current;
  }

  onState(listener: (s: AuthState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onChange(listener: (t: TwitchToken | null) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  async init(): Promise<void> {
    const text = await this.options.store.load().catch(() => null);
    if (!text) return this.setState({ provider: 'twitch', status: 'logged-out' });
    const stored = parseStoredLogin(text);
    if (!stored) {
      this.options.log.warn('the stored Twitch login is unreadable; log in again');
      await this.clearStored();
      return this.setState({ provider: 'twitch', status: 'logged-out' });
    }
    registerSecret(stored.token.accessToken);
    registerSecret(stored.refreshToken);
    this.session = stored;
    const valid = await this.validateNow();
    // Offline at start: keep the stored login; the hourly validation (or a 401) sorts it out later.
    if (!valid && this.session === stored) this.becomeLoggedIn();
  }

  refresh(failedAccessToken: string): Promise<TwitchToken | null> {
    const session = this.session;
    if (!session) return Promise.resolve(null);
    if (session.token.accessToken !== failedAccessToken) return Promise.resolve(session.token);
    if (this.refreshing) return this.refreshing;
    this.refreshing = this.runRefresh(session).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async validateNow(): Promise<boolean> {
    const session = this.session;
    if (!session || this.stopped) return false;
    const first = await this.oauth.validate(session.token.accessToken);
    if (this.session !== session) return this.session !== null;
    if (first.ok) return this.acceptValidation(first.body);
    if (first.status !== 401) {
      this.options.log.warn(
        `token validation failed (${first.status === 0 ? 'network' : `HTTP ${first.status}`})`,
      );
      this.scheduleValidation();
      return false;
    }
    const next = await this.refresh(session.token.accessToken);
    if (!next || !this.session) return false;
    const second = await this.oauth.validate(next.accessToken);
    if (second.ok) return this.acceptValidation(second.body);
    if (second.status === 401) await this.loginNeeded(LOGIN_EXPIRED);
    else this.scheduleValidation();
    return false;
  }

  async startDeviceLogin(): Promise<ActionResult> {
    if (!this.options.clientId) {
      return { ok: false, code: 'bad-request', message: 'Set your Twitch client id in Settings first.' };
    }
    this.device?.cancel();
    const flow: DeviceLoginFlow = new DeviceLoginFlow(
      this.oauth,
      this.scopes,
      this.options.clock,
      this.options.log,
      {
        pending: (info) => this.setState({ provider: 'twitch', status: 'pending', ...info }),
        approved: (tokens) => this.completeDeviceLogin(flow, tokens),
        failed: (message) => this.endDeviceLogin(flow, message),
      },
    );
    this.device = flow;
    const result = await flow.start();
    if (!result.ok) this.endDeviceLogin(flow, result.message);
    return result;
  }

  async cancelLogin(): Promise<ActionResult> {
    const flow = this.device;
    if (!flow) return { ok: true, local: true, detail: 'No login in progress.' };
    flow.cancel();
    this.endDeviceLogin(flow, undefined);
    return { ok: true, local: true };
  }

  /** Revokes at Twitch; a failure is logged, never thrown (the token is dropped locally either way). */
  private async revokeQuietly(accessToken: string): Promise<void> {
    const r = await this.oauth.revoke(accessToken);
    if (!r.ok) this.options.log.warn(`token revoke failed (HTTP ${r.status}: ${r.message}); dropped locally`);
  }

  async logout(): Promise<void> {
    this.device?.cancel();
    this.device = null;
    const session = this.session;
    this.dropSession();
    if (session) await this.revokeQuietly(session.token.accessToken);
    await this.clearStored();
    this.setState({ provider: 'twitch', status: 'logged-out' });
    this.options.log.info('logged out of Twitch');
  }

  stop(): void {
    this.stopped = true;
    this.device?.cancel();
    this.device = null;
    this.timers.clear();
  }

  private async runRefresh(session: StoredLogin): Promise<TwitchToken | null> {
    if (!session.refreshToken) {
      await this.loginNeeded(LOGIN_EXPIRED);
      return null;
    }
    const r = await this.oauth.refresh(session.refreshToken);
    // Same login still (a validation may have replaced the session object meanwhile)? Compare the refresh
    // token: Twitch has now used it up, so dropping a successful answer here would strand the login.
    const current = this.session;
    if (current?.refreshToken !== session.refreshToken) {
      // Logged out or replaced by a new login meanwhile: the pair just issued belongs to nobody.
      if (r.ok) void this.revokeQuietly(r.body.accessToken);
      return current?.token ?? null;
    }
    if (!r.ok) {
      if (r.status === 400 || r.status === 401) {
        this.options.log.warn(`token refresh refused (${r.message}); login needed`);
        await this.loginNeeded(LOGIN_EXPIRED);
      } else {
        this.options.log.warn(
          `token refresh failed (${r.status === 0 ? 'network' : `HTTP ${r.status}`}); will retry`,
        );
      }
      return null;
    }
    const next = tokenFromResponse(r.body, current.token, this.options.clientId, this.options.clock.now());
    // Refresh tokens are single-use: the new pair must be on disk before the new access token is used.
    await this.persist({ token: next, refreshToken: r.body.refreshToken ?? session.refreshToken });
    // Logged out while saving: the logout's clear was queued after this save, so nothing stays on disk.
    if (this.session?.refreshToken !== session.refreshToken) return this.session?.token ?? null;
    this.options.log.info('access token refreshed');
    this.adoptSession({ token: next, refreshToken: r.body.refreshToken ?? session.refreshToken });
    return next;
  }

  private async completeDeviceLogin(flow: DeviceLoginFlow, tokens: TokenResponse): Promise<void> {
    const draft: StoredLogin = {
      token: tokenFromResponse(tokens, null, this.options.clientId, this.options.clock.now()),
      refreshToken: tokens.refreshToken,
    };
    await this.persist(draft);
    const v = await this.oauth.validate(draft.token.accessToken);
    if (this.device !== flow) return;
    if (!v.ok) {
      if (this.session) await this.persist(this.session); // keep the previous login on disk
      return this.endDeviceLogin(flow, `Twitch did not accept the new login (${v.message}).`);
    }
    this.device = null;
    const login: StoredLogin = {
      ...draft,
      token: withValidation(draft.token, v.body, this.options.clock.now()),
    };
    await this.persist(login);
    this.options.log.info(`logged in to Twitch as ${login.token.login}`);
    const replaced = this.session;
    this.adoptSession(login);
    this.scheduleValidation();
    // The login this one replaces is not needed any more: revoke it rather than leave it valid at Twitch.
    if (replaced) void this.revokeQuietly(replaced.token.accessToken);
  }

  private endDeviceLogin(flow: DeviceLoginFlow, error: string | undefined): void {
    if (this.device !== flow) return;
    this.device = null;
    if (this.session) this.becomeLoggedIn();
    else this.setState({ provider: 'twitch', status: 'logged-out', ...(error ? { error } : {}) });
    if (!this.session && error) void this.clearStored();
  }

  private async acceptValidation(v: ValidateResponse): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    if (v.clientId && this.options.clientId && v.clientId !== this.options.clientId) {
      await this.loginNeeded('The saved Twitch login belongs to another client id — log in again.');
      return false;
    }
    const token = withValidation(session.token, v, this.options.clock.now());
    const changed = JSON.stringify(token) !== JSON.stringify(session.token);
    if (changed) await this.persist({ token, refreshToken: session.refreshToken });
    if (this.session !== session) return this.session !== null;
    this.session = { token, refreshToken: session.refreshToken };
    const { expiresAt: _a, ...who } = token;
    const { expiresAt: _b, ...whoBefore } = session.token;
    if (JSON.stringify(who) !== JSON.stringify(whoBefore)) this.notifyToken();
    this.becomeLoggedIn();
    // /validate rounds expires_in to seconds: only move the refresh timer for a real change.
    const expiryMoved = Math.abs((token.expiresAt ?? 0) - (session.token.expiresAt ?? 0)) > 10_000;
    if (expiryMoved || !this.timers.refreshScheduled) this.scheduleRefresh();
    this.scheduleValidation();
    return true;
  }

  private adoptSession(session: StoredLogin): void {
    this.session = session;
    this.notifyToken();
    this.becomeLoggedIn();
    this.scheduleRefresh();
  }

  private async loginNeeded(error: string): Promise<void> {
    const login = this.session?.token.login;
    this.dropSession();
    await this.clearStored();
    this.setState({ provider: 'twitch', status: 'login-needed', ...(login ? { login } : {}), error });
  }

  private dropSession(): void {
    const had = this.session !== null;
    this.session = null;
    this.timers.clear();
    if (had) this.notifyToken();
  }

  /**
   * Writes to the store run one after another, in call order: a slow older save can never land over a newer
   * login or over a logout's clear.
   */
  private persist(login: StoredLogin): Promise<void> {
    return this.queueStoreWrite(() =>
      this.options.store.save(serializeLogin(login)).catch((error: unknown) => {
        this.options.log.error('cannot save the Twitch login; it will be lost when OnAir restarts', error);
      }),
    );
  }

  private clearStored(): Promise<void> {
    return this.queueStoreWrite(() =>
      this.options.store
        .clear()
        .catch((error: unknown) => this.options.log.error('cannot clear the stored login', error)),
    );
  }

  private queueStoreWrite(write: () => Promise<void>): Promise<void> {
    this.storeWrites = this.storeWrites.then(write);
    return this.storeWrites;
  }

  private becomeLoggedIn(): void {
    if (this.device) return; // a new login in progress keeps showing its code
    const login = this.session?.token.login;
    this.setState({ provider: 'twitch', status: 'logged-in', ...(login ? { login } : {}) });
  }

  private scheduleRefresh(): void {
    if (!this.stopped) this.timers.scheduleRefresh(this.session?.token ?? null);
  }

  private scheduleValidation(): void {
    if (this.session && !this.stopped) this.timers.scheduleValidation();
  }

  private notifyToken(): void {
    const token = this.token();
    for (const listener of [...this.tokenListeners]) listener(token);
  }

  private setState(next: AuthState): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of [...this.stateListeners]) listener(next);
  }
}
