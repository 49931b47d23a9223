import type { ActionResult, ModAction, SendRequest } from '../../../../shared/api';
import type { SourceRef, SourceStatus } from '../../../../shared/events';
import { registerSecret } from '../../log/mask';
import type { BackoffOptions } from '../../net/backoff';
import { ConnectionManager, type ConnectKind, type ManagedConnection } from '../../net/connection-manager';
import { StatusReporter } from '../../net/status-reporter';
import { unsupported, type ChatSource, type SourceContext } from '../source';
import { TipSink } from './tip-sink';

export interface TipSourceOptions {
  ref: SourceRef;
  label: string;
  /** The status error while no token is stored. */
  missingToken: string;
  token: string | null;
  backoff?: BackoffOptions;
  random?: () => number;
}

/**
 * What both tip platforms share: a read-only source (no chat, no moderation) that needs a token, reconnects
 * through the shared ConnectionManager and shows tips through a TipSink. Subclasses open the connection.
 */
export abstract class TipSource<C extends ManagedConnection> implements ChatSource {
  readonly ref: SourceRef;
  protected readonly reporter: StatusReporter;
  protected readonly sink: TipSink;
  protected readonly manager: ConnectionManager<C>;
  protected readonly token: string | null;
  private readonly missingToken: string;

  constructor(
    protected readonly ctx: SourceContext,
    options: TipSourceOptions,
  ) {
    this.ref = options.ref;
    this.token = options.token;
    this.missingToken = options.missingToken;
    registerSecret(options.token);
    const log = ctx.log.child(options.ref.provider);
    this.reporter = new StatusReporter(this.ref, options.label, ctx.emit, ctx.clock);
    this.sink = new TipSink(this.ref, ctx.emit, ctx.clock, this.reporter, log);
    this.manager = new ConnectionManager<C>({
      name: options.ref.provider,
      connect: () => this.connect(this.token ?? ''),
      onConnected: (connection, kind) => this.onConnected(connection, kind),
      clock: ctx.clock,
      log,
      reporter: this.reporter,
      backoff: options.backoff,
      random: options.random,
    });
  }

  /** Opens one connection with the token; rejects with FatalConnectionError when the token is refused. */
  protected abstract connect(token: string): Promise<C>;

  protected abstract onConnected(connection: C, kind: ConnectKind): void;

  start(): void {
    if (!this.token) this.reporter.setState('login-needed', this.missingToken);
    else this.manager.start();
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  /** Also the settings' "Test connection": after a refused token it tries again once. */
  reconnect(): void {
    if (this.manager.running) this.manager.reconnectNow();
    else this.start();
  }

  status(): SourceStatus {
    const status = this.reporter.get();
    return { ...status, counters: { ...status.counters, ...this.manager.counters } };
  }

  act(action: ModAction): Promise<ActionResult> {
    return Promise.resolve(unsupported(`${this.reporter.get().label}: ${action.type}`));
  }

  send(_request: SendRequest): Promise<ActionResult> {
    return Promise.resolve(unsupported('Sending'));
  }
}
