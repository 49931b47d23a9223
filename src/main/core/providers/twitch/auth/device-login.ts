import type { ActionResult } from '../../../../../shared/api';
import { setLongTimeout, type Clock, type LongTimer } from '../../../clock';
import type { Logger } from '../../../log/logger';
import { registerSecret } from '../../../log/mask';
import type { OAuthClient, TokenResponse } from './oauth-client';

export interface DeviceLoginCallbacks {
  pending(info: { userCode: string; verificationUri: string; expiresAt: number }): void;
  approved(tokens: TokenResponse): Promise<void>;
  failed(message: string): void;
}

const EXPIRED = 'The login code expired — start the login again.';

/**
 * One Device Code login attempt (docs/protocol-twitch.md §4.2): get a code, then poll /token every `interval`
 * seconds until Twitch answers with tokens, a refusal, or the code expires. Network hiccups just wait for the
 * next poll.
 */
export class DeviceLoginFlow {
  private timer: LongTimer | null = null;
  private done = false;
  private deviceCode = '';
  private intervalMs = 5000;
  private expiresAt = 0;

  constructor(
    private readonly oauth: OAuthClient,
    private readonly scopes: string[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly callbacks: DeviceLoginCallbacks,
  ) {}

  async start(): Promise<ActionResult> {
    const r = await this.oauth.requestDeviceCode(this.scopes);
    if (this.done) return { ok: false, code: 'rejected', message: 'The login was cancelled.' };
    if (!r.ok) {
      this.done = true;
      if (r.status === 0)
        return { ok: false, code: 'offline', message: 'Could not reach Twitch — check the connection.' };
      return { ok: false, code: 'rejected', message: `Twitch refused to start the login: ${r.message}` };
    }
    registerSecret(r.body.deviceCode);
    this.deviceCode = r.body.deviceCode;
    this.intervalMs = Math.max(1, r.body.intervalSeconds) * 1000;
    this.expiresAt = this.clock.now() + r.body.expiresInSeconds * 1000;
    this.log.info(`device login started; waiting for approval (code ${r.body.userCode})`);
    this.callbacks.pending({
      userCode: r.body.userCode,
      verificationUri: r.body.verificationUri,
      expiresAt: this.expiresAt,
    });
    this.schedule();
    return { ok: true, local: false };
  }

  cancel(): void {
    this.done = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private schedule(): void {
    if (this.done) return;
    // `interval` is Twitch's to choose (and grows on slow_down): a plain timer would overflow past 24.8 days.
    this.timer = setLongTimeout(this.clock, () => void this.poll(), this.intervalMs);
  }

  private fail(message: string): void {
    this.cancel();
    this.log.info(`device login ended: ${message}`);
    this.callbacks.failed(message);
  }

  private async poll(): Promise<void> {
    this.timer = null;
    if (this.done) return;
    if (this.clock.now() >= this.expiresAt) return this.fail(EXPIRED);
    const r = await this.oauth.pollDeviceToken(this.deviceCode, this.scopes);
    if (this.done) return;
    if (r.ok) {
      this.cancel();
      await this.callbacks.approved(r.body);
      return;
    }
    if (r.status === 0 || r.status >= 500) {
      this.log.debug(`device login poll failed (HTTP ${r.status}); trying again`);
      return this.schedule();
    }
    this.handleRefusal(r.message);
  }

  private handleRefusal(message: string): void {
    const code = message.trim().toLowerCase();
    if (code === 'authorization_pending') return this.schedule();
    if (code === 'slow_down') {
      this.intervalMs += 5000;
      return this.schedule();
    }
    if (code.includes('invalid device code') || code === 'expired_token') return this.fail(EXPIRED);
    if (code.includes('denied')) return this.fail('The login was declined on Twitch.');
    this.fail(`Twitch refused the login: ${message}`);
  }
}
