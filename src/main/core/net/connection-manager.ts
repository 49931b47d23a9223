import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../log/logger';
import type { StatusReporter } from './status-reporter';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';

/** One live, handshaken connection of a source (an IRC session, an EventSub socket, a ChatKC socket). */
export interface ManagedConnection {
  /** Resolves once the connection is gone, saying why and whether to retry. */
  readonly closed: Promise<CloseInfo>;
  /**
   * Resolves once the session has proved itself: handshake done *and* data received after it (never, if it
   * closes first). Only then does the backoff start again from its first step.
   */
  readonly established: Promise<void>;
  close(reason: string): void;
}

export interface CloseInfo {
  reason: string;
  /** False stops the manager (e.g. credentials rejected and nothing left to try). */
  retry?: boolean;
}

/** Thrown by `connect` when retrying cannot help (bad credentials and no refresh, banned, …). */
export class FatalConnectionError extends Error {
  constructor(
    message: string,
    readonly state: 'failed' | 'login-needed' = 'failed',
  ) {
    super(message);
    this.name = 'FatalConnectionError';
  }
}

export type ConnectKind = 'initial' | 'reconnect' | 'replace';

export interface ConnectionManagerOptions<C extends ManagedConnection> {
  name: string;
  /** Open a socket and finish the protocol handshake. Rejects on failure. */
  connect: () => Promise<C>;
  /** A connection became current: the first, one after a failure, or a make-before-break replacement. */
  onConnected?: (connection: C, kind: ConnectKind) => void;
  clock: Clock;
  log: Logger;
  reporter?: StatusReporter;
  backoff?: BackoffOptions;
  connectTimeoutMs?: number;
  random?: () => number;
}

export interface ConnectionCounters {
  /** Connect attempts started (including make-before-break replacements). */
  attempts: number;
  connects: number;
  reconnects: number;
  replacements: number;
  /** Connect attempts that failed. */
  failures: number;
  /** Connections that proved themselves (`established`). */
  sessions: number;
  /** Connections that closed before they proved themselves (a server accepting, then dropping at once). */
  failedSessions: number;
}

/**
 * The one connection manager every source reuses: connect, reconnect with exponential backoff and jitter,
 * make-before-break replacement, an explicit `stop()`, and counters for tests and the health view. Liveness
 * checks live in the connection itself: it closes, the manager reconnects.
 *
 * The backoff counts consecutive failures — failed connects and sessions that closed before they were
 * established — never time: an established session that drops retries after the first, short step however
 * briefly it lived, while a server that accepts and drops at once gets ever longer pauses up to the cap.
 */
export class ConnectionManager<C extends ManagedConnection> {
  readonly counters: ConnectionCounters = {
    attempts: 0,
    connects: 0,
    reconnects: 0,
    replacements: 0,
    failures: 0,
    sessions: 0,
    failedSessions: 0,
  };
  private connection: C | null = null;
  private readonly proven = new WeakSet<C>();
  private stopped = true;
  private consecutiveFailures = 0;
  private timer: TimerHandle | null = null;
  private replacing = false;
  private connecting = false;

  constructor(private readonly options: ConnectionManagerOptions<C>) {}

  get current(): C | null {
    return this.connection;
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.consecutiveFailures = 0;
    void this.connectNow('initial');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    const connection = this.connection;
    this.connection = null;
    connection?.close('stopped');
    this.options.reporter?.setState('stopped');
  }

  /** Drop the current connection (if any) and connect again at once. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    const connection = this.connection;
    this.connection = null;
    connection?.close('reconnect requested');
    this.consecutiveFailures = 0;
    void this.connectNow('reconnect');
  }

  /**
   * Make-before-break: open and handshake a new connection while the current one keeps delivering, then
   * swap and close the old one. If the new one fails, the old one stays (and reconnects normally if it dies).
   */
  async replace(): Promise<boolean> {
    if (this.stopped || this.replacing) return false;
    this.replacing = true;
    try {
      const next = await this.connectWithTimeout();
      if (this.stopped) {
        next.close('stopped');
        return false;
      }
      const old = this.connection;
      this.counters.replacements += 1;
      this.adopt(next, 'replace');
      old?.close('replaced');
      return true;
    } catch (error) {
      this.counters.failures += 1;
      this.options.log.warn('make-before-break replacement failed; keeping the current connection', error);
      // The old connection may have died while we waited: then reconnect normally.
      if (!this.connection && !this.stopped)
        this.scheduleRetry(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      this.replacing = false;
    }
  }

  private async connectNow(kind: ConnectKind): Promise<void> {
    if (this.stopped || this.connecting || this.connection) return;
    this.connecting = true;
    this.options.reporter?.setState(kind === 'initial' ? 'connecting' : 'reconnecting', null);
    try {
      const connection = await this.connectWithTimeout();
      if (this.stopped) {
        connection.close('stopped');
        return;
      }
      this.adopt(connection, kind);
    } catch (error) {
      if (this.stopped) return;
      this.counters.failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof FatalConnectionError) {
        this.options.log.warn(`${this.options.name}: giving up: ${message}`);
        this.options.reporter?.setState(error.state, message);
        this.stopped = true;
        return;
      }
      this.scheduleRetry(message);
    } finally {
      this.connecting = false;
    }
  }

  private adopt(connection: C, kind: ConnectKind): void {
    const previous = this.connection;
    if (previous && kind !== 'replace') previous.close('superseded'); // never keep two live connections
    this.connection = connection;
    this.counters.connects += 1;
    if (kind !== 'initial') {
      this.counters.reconnects += 1;
      this.options.reporter?.countReconnect();
    }
    this.options.reporter?.setState('connected');
    this.options.log.info(`${this.options.name}: connected (${kind})`);
    void connection.established.then(() => this.onEstablished(connection));
    void connection.closed.then((info) => this.onClosed(connection, info));
    this.options.onConnected?.(connection, kind);
  }

  private onEstablished(connection: C): void {
    if (connection !== this.connection || this.proven.has(connection)) return;
    this.proven.add(connection);
    this.counters.sessions += 1;
    this.consecutiveFailures = 0;
  }

  private onClosed(connection: C, info: CloseInfo): void {
    if (connection !== this.connection) return; // replaced or already dropped
    this.connection = null;
    if (!this.proven.has(connection)) this.counters.failedSessions += 1;
    if (this.stopped) return;
    if (this.replacing) return; // the replacement in flight becomes current, or reconnects if it fails
    if (info.retry === false) {
      this.options.log.warn(`${this.options.name}: closed for good: ${info.reason}`);
      this.options.reporter?.setState('failed', info.reason);
      this.stopped = true;
      return;
    }
    this.options.log.info(`${this.options.name}: connection lost: ${info.reason}`);
    this.scheduleRetry(info.reason);
  }

  private scheduleRetry(reason: string): void {
    const backoff = this.options.backoff ?? defaultBackoff;
    const delay = backoffDelay(this.consecutiveFailures, backoff, this.options.random);
    this.consecutiveFailures += 1;
    this.options.reporter?.setState('reconnecting', reason, this.options.clock.now() + delay);
    this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      void this.connectNow('reconnect');
    }, delay);
  }

  private connectWithTimeout(): Promise<C> {
    const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
    this.counters.attempts += 1;
    return new Promise<C>((resolve, reject) => {
      let settled = false;
      const timer = this.options.clock.setTimeout(() => {
        settled = true;
        reject(new Error(`connect timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.options.connect().then(
        (connection) => {
          this.options.clock.clearTimeout(timer);
          if (settled) connection.close('connect timed out');
          else resolve(connection);
        },
        (error: unknown) => {
          this.options.clock.clearTimeout(timer);
          if (!settled) reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
