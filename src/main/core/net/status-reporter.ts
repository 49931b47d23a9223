import type {
  Capability,
  ConnectionState,
  Identity,
  OnAirEvent,
  SourceRef,
  SourceStatus,
} from '../../../shared/events';
import type { Clock } from '../clock';

/** Emit status at most this often just because `lastMessageAt` moved (state changes emit at once). */
const ACTIVITY_EMIT_MS = 1000;

/**
 * Keeps one source's status and emits it as events. Messages only touch a timestamp on the hot path; the
 * status event for them goes out at most once a second.
 */
export class StatusReporter {
  private current: SourceStatus;
  private lastActivityEmit = 0;

  constructor(
    ref: SourceRef,
    label: string,
    private readonly emit: (event: OnAirEvent) => void,
    private readonly clock: Clock,
    options: { demo?: boolean; capabilities?: Capability[] } = {},
  ) {
    this.current = {
      kind: 'status',
      source: ref,
      label,
      state: 'idle',
      since: clock.now(),
      lastMessageAt: null,
      reconnects: 0,
      error: null,
      capabilities: options.capabilities ?? [],
      identity: null,
      demo: options.demo ?? false,
      counters: {},
    };
  }

  get(): SourceStatus {
    return this.current;
  }

  /** `retryAt`: when the next attempt starts, for a `reconnecting` state that waits out a backoff. */
  setState(state: ConnectionState, error: string | null = null, retryAt: number | null = null): void {
    const current = this.current;
    if (state === current.state && error === current.error && retryAt === (current.retryAt ?? null)) return;
    const since = state === current.state ? current.since : this.clock.now();
    this.update({ state, error, since, retryAt });
  }

  countReconnect(): void {
    this.update({ reconnects: this.current.reconnects + 1 });
  }

  setCapabilities(capabilities: Capability[]): void {
    const same =
      capabilities.length === this.current.capabilities.length &&
      capabilities.every((c) => this.current.capabilities.includes(c));
    if (!same) this.update({ capabilities: [...capabilities] });
  }

  setIdentity(identity: Identity | null): void {
    this.update({ identity });
  }

  setCounter(name: string, value: number): void {
    this.current = { ...this.current, counters: { ...this.current.counters, [name]: value } };
  }

  incrementCounter(name: string, by = 1): void {
    this.setCounter(name, (this.current.counters?.[name] ?? 0) + by);
  }

  /** Hot path: called for every message received. */
  messageSeen(): void {
    const now = this.clock.now();
    this.current.lastMessageAt = now;
    if (now - this.lastActivityEmit >= ACTIVITY_EMIT_MS) {
      this.lastActivityEmit = now;
      this.emit({ ...this.current });
    }
  }

  private update(patch: Partial<SourceStatus>): void {
    this.current = { ...this.current, ...patch };
    this.lastActivityEmit = this.clock.now();
    this.emit({ ...this.current });
  }
}
