import type { StreamElementsSourceConfig } from '../../../../../shared/settings';
import type { BackoffOptions } from '../../../net/backoff';
import type { ConnectKind } from '../../../net/connection-manager';
import type { ChatSource, SourceContext } from '../../source';
import { TipSource } from '../tip-source';
import { openAstroConnection, type AstroConnection } from './connection';
import { mapStreamElementsTip } from './map-tip';
import { fetchTipsSince } from './recovery';

export interface StreamElementsDeps {
  token: string | null;
  backoff?: BackoffOptions;
  random?: () => number;
  fetch?: typeof fetch;
  keepAliveTimeoutMs?: number;
  handshakeTimeoutMs?: number;
}

/** The gateway pings every 30 s and gives up after 70 s; we do the same from our side. */
const KEEP_ALIVE_TIMEOUT_MS = 70_000;
/** Recovery asks for tips from a little before the drop: a tip in flight when the socket died is not lost. */
const RECOVERY_MARGIN_MS = 2 * 60_000;

/**
 * StreamElements tips: the Astro gateway's `channel.tips` topic, resubscribed on every new connection, and the
 * tips REST list to recover tips sent while OnAir was disconnected. Each tip is shown once, by its `_id`.
 */
class StreamElementsSource extends TipSource<AstroConnection> {
  private room: string | null = null;
  private lostAt: number | null = null;

  constructor(
    private readonly config: StreamElementsSourceConfig,
    ctx: SourceContext,
    private readonly deps: StreamElementsDeps,
  ) {
    super(ctx, {
      ref: { sourceId: config.id, provider: 'streamelements', channel: 'StreamElements' },
      label: 'StreamElements tips',
      missingToken: 'Paste your StreamElements JWT to receive tips.',
      ...deps,
    });
  }

  protected connect(token: string): Promise<AstroConnection> {
    return openAstroConnection({
      url: this.config.url,
      token,
      clock: this.ctx.clock,
      keepAliveTimeoutMs: this.deps.keepAliveTimeoutMs ?? KEEP_ALIVE_TIMEOUT_MS,
      handshakeTimeoutMs: this.deps.handshakeTimeoutMs ?? 10_000,
      onTip: (data) => void this.onTip(data),
      // Make-before-break: the old socket keeps delivering until the new one is subscribed.
      onReconnectRequested: () => void this.manager.replace(),
      onInvalid: (why) => this.sink.drop(why),
    });
  }

  protected onConnected(connection: AstroConnection, kind: ConnectKind): void {
    this.room = connection.room ?? this.room;
    void connection.closed.then(() => {
      if (this.manager.current === null) this.lostAt ??= this.ctx.clock.now();
    });
    const lostAt = this.lostAt;
    this.lostAt = null;
    if (kind === 'reconnect' && lostAt !== null) void this.recover(lostAt);
  }

  /** Shows a tip document from the socket or from REST; true when it was new and shown. */
  private onTip(data: unknown): boolean {
    const mapped = mapStreamElementsTip(data);
    if (mapped.kind === 'tip') return this.sink.show(mapped.tip);
    if (mapped.kind === 'skip') this.sink.count('tipsNotShown');
    else this.sink.drop(mapped.why);
    return false;
  }

  /** Fetches the tips sent while disconnected; ones the socket also delivers are shown once (by `_id`). */
  private async recover(lostAt: number): Promise<void> {
    if (!this.room) return;
    const page = await fetchTipsSince({
      apiUrl: this.config.apiUrl,
      token: this.token ?? '',
      channelId: this.room,
      since: lostAt - RECOVERY_MARGIN_MS,
      fetch: this.deps.fetch ?? fetch,
    });
    if (!page.ok) {
      const why = page.unauthorized ? 'the JWT was refused' : page.message;
      this.sink.notice(
        'warning',
        'tips_gap',
        `Tips sent while StreamElements was disconnected could not be fetched (${why}).`,
      );
      return;
    }
    let shown = 0;
    for (const doc of [...page.docs].reverse()) if (this.onTip(doc)) shown += 1;
    this.sink.count('recoveryRuns');
    if (shown > 0) this.reporter.incrementCounter('tipsRecovered', shown);
    if (page.total > page.docs.length) {
      this.sink.notice(
        'warning',
        'tips_gap',
        `More than ${page.docs.length} tips arrived while StreamElements was disconnected; only the newest were fetched.`,
      );
    }
  }
}

export function createStreamElementsSource(
  config: StreamElementsSourceConfig,
  ctx: SourceContext,
  deps: StreamElementsDeps,
): ChatSource {
  return new StreamElementsSource(config, ctx, deps);
}
