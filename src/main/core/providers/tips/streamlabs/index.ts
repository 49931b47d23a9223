import type { StreamlabsSourceConfig } from '../../../../../shared/settings';
import type { BackoffOptions } from '../../../net/backoff';
import type { ConnectKind } from '../../../net/connection-manager';
import type { ChatSource, SourceContext } from '../../source';
import { TipSource } from '../tip-source';
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
class StreamlabsSource extends TipSource<StreamlabsConnection> {
  constructor(
    private readonly config: StreamlabsSourceConfig,
    ctx: SourceContext,
    deps: StreamlabsDeps,
  ) {
    super(ctx, {
      ref: { sourceId: config.id, provider: 'streamlabs', channel: 'Streamlabs' },
      label: 'Streamlabs tips',
      missingToken: 'Paste your Streamlabs Socket API token to receive tips.',
      ...deps,
    });
  }

  protected connect(token: string): Promise<StreamlabsConnection> {
    return openStreamlabsConnection({
      url: this.config.url,
      token,
      onEvent: (payload) => this.onEvent(payload),
    });
  }

  protected onConnected(_connection: StreamlabsConnection, kind: ConnectKind): void {
    if (kind !== 'reconnect') return;
    this.sink.notice(
      'warning',
      'tips_gap',
      'Streamlabs was disconnected for a while. Tips sent meanwhile cannot be fetched with a Socket API token: check your Streamlabs dashboard.',
    );
  }

  private onEvent(payload: unknown): void {
    for (const item of mapStreamlabsEvent(payload)) {
      if (item.kind === 'drop') this.sink.drop(item.why);
      else if (item.test && !this.config.showTestAlerts) this.sink.count('testAlertsIgnored');
      else if (item.kind === 'tip') this.sink.show(item.tip);
      else this.sink.notice('info', item.code, item.text);
    }
  }
}

export function createStreamlabsSource(
  config: StreamlabsSourceConfig,
  ctx: SourceContext,
  deps: StreamlabsDeps,
): ChatSource {
  return new StreamlabsSource(config, ctx, deps);
}
