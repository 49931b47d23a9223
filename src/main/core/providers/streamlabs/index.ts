import type { ActionResult, ModAction, SendRequest } from '../../../../shared/api';
import type { SourceRef, SourceStatus } from '../../../../shared/events';
import type { StreamlabsSourceConfig } from '../../../../shared/settings';
import { registerSecret } from '../../log/mask';
import type { BackoffOptions } from '../../net/backoff';
import { ConnectionManager } from '../../net/connection-manager';
import { StatusReporter } from '../../net/status-reporter';
import { unsupported, type ChatSource, type SourceContext } from '../source';
import { TipSink } from '../tips/tip-sink';
import { openStreamlabsConnection, type StreamlabsConnection } from './connection';
import { mapStreamlabsEvent } from './map-event';

export interface StreamlabsDeps {
  token: string | null;
  backoff?: BackoffOptions;
  random?: () => number;
}

/**
 * Streamlabs tips (Socket API): donations become `donation` alerts, merch and loyalty-store redemptions
 * become notices. Streamlabs offers no way to fetch tips missed while disconnected with this token
 * (docs/protocol-tips.md), so an outage is reported as a possible gap.
 */
class StreamlabsSource implements ChatSource {
  readonly ref: SourceRef;
  private readonly reporter: StatusReporter;
  private readonly sink: TipSink;
  private readonly manager: ConnectionManager<StreamlabsConnection>;

  constructor(
    private readonly config: StreamlabsSourceConfig,
    ctx: SourceContext,
    private readonly deps: StreamlabsDeps,
  ) {
    this.ref = { sourceId: config.id, provider: 'streamlabs', channel: 'Streamlabs' };
    registerSecret(deps.token);
    const log = ctx.log.child('streamlabs');
    this.reporter = new StatusReporter(this.ref, 'Streamlabs tips', ctx.emit, ctx.clock);
    this.sink = new TipSink(this.ref, ctx.emit, ctx.clock, this.reporter, log);
    const token = deps.token ?? '';
    this.manager = new ConnectionManager<StreamlabsConnection>({
      name: 'streamlabs',
      connect: () =>
        openStreamlabsConnection({ url: config.url, token, onEvent: (payload) => this.onEvent(payload) }),
      onConnected: (_connection, kind) => {
        if (kind === 'reconnect') this.reportGap();
      },
      clock: ctx.clock,
      log,
      reporter: this.reporter,
      backoff: deps.backoff,
      random: deps.random,
    });
  }

  start(): void {
    if (!this.deps.token) {
      this.reporter.setState('login-needed', 'Paste your Streamlabs Socket API token to receive tips.');
      return;
    }
    this.manager.start();
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  reconnect(): void {
    if (this.manager.running) this.manager.reconnectNow();
    else this.start();
  }

  status(): SourceStatus {
    const status = this.reporter.get();
    return { ...status, counters: { ...status.counters, ...this.manager.counters } };
  }

  act(action: ModAction): Promise<ActionResult> {
    return Promise.resolve(unsupported(`Streamlabs ${action.type}`));
  }

  send(_request: SendRequest): Promise<ActionResult> {
    return Promise.resolve(unsupported('Sending'));
  }

  private onEvent(payload: unknown): void {
    for (const item of mapStreamlabsEvent(payload)) {
      if (item.kind === 'drop') this.sink.drop(item.why);
      else if (item.test && !this.config.showTestAlerts) this.sink.count('testAlertsIgnored');
      else if (item.kind === 'tip') this.sink.show(item.tip);
      else this.sink.notice('info', item.code, item.text);
    }
  }

  private reportGap(): void {
    this.sink.notice(
      'warning',
      'tips_gap',
      'Streamlabs was disconnected for a while. Tips sent meanwhile cannot be fetched with a Socket API token: check your Streamlabs dashboard.',
    );
  }
}

export function createStreamlabsSource(
  config: StreamlabsSourceConfig,
  ctx: SourceContext,
  deps: StreamlabsDeps,
): ChatSource {
  return new StreamlabsSource(config, ctx, deps);
}
