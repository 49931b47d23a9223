import type { AlertPresentation } from '../../../shared/alert-box/types';
import type { AlertQueueState } from '../../../shared/alert-queue-state';
import type { Alert, AlertType, SourceRef } from '../../../shared/events';
import { lookupTable } from '../../../shared/lookup';
import type { Clock, TimerHandle } from '../clock';
import { buildSampleAlert, isTestAlert, TEST_ALERT_PREFIX } from './sample-alerts';

export { isTestAlert } from './sample-alerts';

/** A Map: an alert type that is no AlertType (a broken or hostile event) must read as 0, not as a prototype member. */
const PRIORITY = lookupTable<number>({
  raid: 3,
  giftsub: 2,
  donation: 2,
  cheer: 2,
  sub: 1,
  resub: 1,
  follow: 0,
  redemption: 0,
  announcement: 0,
} satisfies Record<AlertType, number>);

/** Higher plays first: raids, then money (gift bombs, donations, cheers), then subs, then the rest. */
export function alertPriority(alert: Alert): number {
  return PRIORITY.get(alert.alertType) ?? 0;
}

export type AlertFilter = (alert: Alert) => boolean;

export interface AlertQueueOptions {
  clock: Clock;
  /** How long an alert stays on screen; asked when it starts playing. */
  durationMs: (alert: Alert) => number;
  /** Called with a fresh frozen snapshot after every state change. */
  onChange: (state: AlertQueueState) => void;
  maxQueued?: number;
  maxRecent?: number;
  /** Alerts it rejects are not queued (e.g. below the minimum bits or donation). Test alerts bypass it. */
  filter?: AlertFilter;
  /** How the alert box shows an alert; asked when it starts playing and published in the snapshot. */
  present?: (alert: Alert) => AlertPresentation;
  /** How long a skipped alert keeps the screen for its exit animation (0 = it vanishes at once). */
  exitMs?: number;
}

export interface AlertQueue {
  /** False when filtered out, a duplicate of a queued/active alert, dropped by overflow, or stopped. */
  enqueue(alert: Alert): boolean;
  /** Starts nothing new; the alert on screen plays to its end. */
  pause(): void;
  resume(): void;
  /** Ends the active alert: its exit animation plays for `exitMs`, then the next starts (unless paused). */
  skip(): void;
  /** Puts a recent alert at the front of the queue; false when it is not in the recent list. */
  replay(alertId: string): boolean;
  /** Builds a sample alert (`test-<n>`), enqueues it and returns it. */
  test(alertType: AlertType, source: SourceRef): Alert;
  snapshot(): AlertQueueState;
  /** Replaces the filter; queued alerts it now rejects are removed. */
  setFilter(filter: AlertFilter | undefined): void;
  stop(): void;
  /** Alerts dropped because the queue was full. */
  readonly dropped: number;
}

interface Entry {
  alert: Alert;
  priority: number;
  seq: number;
}

interface Active {
  alert: Alert;
  presentation: AlertPresentation | null;
  endsAt: number;
  /** Skipped: playing its exit animation until `endsAt`. */
  exiting: boolean;
}

/**
 * A pure state machine: one alert on screen at a time, the rest waiting in priority order (equal priority
 * keeps arrival order). Time comes only from the injected clock, so fake timers drive it deterministically.
 * Public methods are arrow properties, so they work when passed around detached.
 */
class AlertQueueMachine implements AlertQueue {
  private readonly clock: Clock;
  private readonly maxQueued: number;
  private readonly maxRecent: number;
  private filter: AlertFilter | undefined;
  private queue: Entry[] = [];
  private recent: Alert[] = [];
  private active: Active | null = null;
  private timer: TimerHandle | null = null;
  private paused = false;
  private stopped = false;
  private seq = 0;
  private testSerial = 0;
  private droppedCount = 0;
  private current: AlertQueueState;

  constructor(private readonly options: AlertQueueOptions) {
    this.clock = options.clock;
    this.maxQueued = Math.max(1, options.maxQueued ?? 100);
    this.maxRecent = Math.max(1, options.maxRecent ?? 50);
    this.filter = options.filter;
    this.current = this.buildSnapshot();
  }

  get dropped(): number {
    return this.droppedCount;
  }

  readonly enqueue = (alert: Alert): boolean => {
    if (this.filter && !isTestAlert(alert) && !this.filter(alert)) return false;
    return this.add(alert);
  };

  // Pausing never freezes the alert on stream: it finishes on time, and only the next one waits.
  readonly pause = (): void => {
    if (this.paused || this.stopped) return;
    this.paused = true;
    this.changed();
  };

  readonly resume = (): void => {
    if (!this.paused || this.stopped) return;
    this.paused = false;
    this.startNext();
    this.changed();
  };

  /** A second skip during the exit animation ends it at once. */
  readonly skip = (): void => {
    const active = this.active;
    if (!active || this.stopped) return;
    const exitMs = Math.max(0, this.options.exitMs ?? 0);
    if (active.exiting || exitMs === 0) this.finishActive();
    else {
      active.exiting = true;
      this.arm(Math.min(exitMs, Math.max(0, active.endsAt - this.clock.now())));
    }
    this.changed();
  };

  readonly replay = (alertId: string): boolean => {
    const alert = this.recent.find((item) => item.id === alertId);
    if (this.stopped || !alert || this.active?.alert.id === alertId) return false;
    this.queue = this.queue.filter((entry) => entry.alert.id !== alertId);
    this.queue.unshift({ alert, priority: alertPriority(alert), seq: ++this.seq });
    this.startNext();
    this.changed();
    return true;
  };

  readonly test = (alertType: AlertType, source: SourceRef): Alert => {
    this.testSerial += 1;
    const alert = buildSampleAlert(
      alertType,
      source,
      `${TEST_ALERT_PREFIX}${this.testSerial}`,
      this.clock.now(),
    );
    this.add(alert);
    return alert;
  };

  readonly snapshot = (): AlertQueueState => this.current;

  readonly setFilter = (filter: AlertFilter | undefined): void => {
    this.filter = filter;
    if (!filter || this.stopped) return;
    const kept = this.queue.filter((entry) => isTestAlert(entry.alert) || filter(entry.alert));
    if (kept.length === this.queue.length) return;
    this.queue = kept;
    this.changed();
  };

  readonly stop = (): void => {
    this.stopped = true;
    this.disarm();
  };

  private buildSnapshot(): AlertQueueState {
    const active = this.active;
    return Object.freeze({
      status: this.paused ? 'paused' : active ? 'playing' : 'idle',
      active: active?.alert ?? null,
      activeUntil: active ? active.endsAt : null,
      presentation: active?.presentation ?? null,
      exiting: active?.exiting ?? false,
      queued: Object.freeze(this.queue.map((entry) => entry.alert)) as Alert[],
      recent: Object.freeze([...this.recent]) as Alert[],
    });
  }

  private changed(): void {
    this.current = this.buildSnapshot();
    this.options.onChange(this.current);
  }

  private add(alert: Alert): boolean {
    if (this.stopped || this.isPresent(alert.id)) return false;
    const accepted = this.enforceBound(this.insert(alert));
    this.startNext();
    this.changed();
    return accepted;
  }

  private isPresent(id: string): boolean {
    return this.active?.alert.id === id || this.queue.some((entry) => entry.alert.id === id);
  }

  /** Inserts by priority (after every alert of equal or higher priority). */
  private insert(alert: Alert): Entry {
    const entry: Entry = { alert, priority: alertPriority(alert), seq: ++this.seq };
    const index = this.queue.findIndex((other) => other.priority < entry.priority);
    this.queue.splice(index === -1 ? this.queue.length : index, 0, entry);
    return entry;
  }

  /** Over the bound, drops the oldest of the lowest priority. True when `kept` survived. */
  private enforceBound(kept: Entry): boolean {
    let survived = true;
    while (this.queue.length > this.maxQueued) {
      const victim = this.queue.reduce((worst, entry) =>
        entry.priority < worst.priority || (entry.priority === worst.priority && entry.seq < worst.seq)
          ? entry
          : worst,
      );
      this.queue = this.queue.filter((entry) => entry !== victim);
      this.droppedCount += 1;
      if (victim === kept) survived = false;
    }
    return survived;
  }

  private startNext(): void {
    if (this.paused || this.stopped || this.active) return;
    const entry = this.queue.shift();
    if (!entry) return;
    const duration = this.options.durationMs(entry.alert);
    const ms = Number.isFinite(duration) ? Math.max(0, duration) : 0;
    const presentation = this.options.present?.(entry.alert) ?? null;
    this.active = { alert: entry.alert, presentation, endsAt: this.clock.now() + ms, exiting: false };
    this.arm(ms);
  }

  private arm(ms: number): void {
    if (!this.active) return;
    this.disarm();
    this.active.endsAt = this.clock.now() + ms;
    this.timer = this.clock.setTimeout(() => this.onTimer(), ms);
  }

  private disarm(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private onTimer(): void {
    this.timer = null;
    this.finishActive();
    this.changed();
  }

  /** Moves the active alert to the recent list and starts the next one unless paused. No notification. */
  private finishActive(): void {
    this.disarm();
    const done = this.active?.alert;
    this.active = null;
    if (done)
      this.recent = [done, ...this.recent.filter((item) => item.id !== done.id)].slice(0, this.maxRecent);
    this.startNext();
  }
}

export function createAlertQueue(options: AlertQueueOptions): AlertQueue {
  return new AlertQueueMachine(options);
}
