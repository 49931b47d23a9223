import type { OnAirEvent } from '../../../shared/events';
import type { ViewKind, ViewPush, ViewSnapshot } from '../../../shared/api';
import type { Clock, TimerHandle } from '../clock';
import { AlertDeduper } from './alert-dedupe';
import { HubState, defaultHubLimits, type HubLimits } from './hub-state';

/**
 * At most one push per view per this period (about one animation frame). The first event after a quiet spell
 * goes out at once (leading edge); what arrives while a push is "cooling down" is coalesced into the next.
 */
const FLUSH_MS = 16;

/** Kinds the overlay needs; everything else goes only to the mod console. */
const OVERLAY_KINDS = new Set<OnAirEvent['kind']>(['chat', 'removal']);

type HubOwnedKeys = 'messages' | 'statuses' | 'notices' | 'presence' | 'modes' | 'automod' | 'modlog';

/** A view (overlay window, mod window, browser page) attached to the core. */
export interface ViewAttachment {
  /** The view's store is subscribed: send the snapshot, then pushes. Pushes before this are held. */
  ready(): void;
  detach(): void;
}

interface View {
  kind: ViewKind;
  send: (push: ViewPush) => void;
  ready: boolean;
}

export interface HubOptions {
  clock: Clock;
  limits?: Partial<HubLimits>;
  /** Builds the parts of a snapshot the hub does not own (alerts, auth, overlay settings). */
  snapshotExtras: () => Omit<ViewSnapshot, HubOwnedKeys>;
  /** Called once for every new (de-duplicated) alert, e.g. to feed the alert queue. */
  onAlert?: (alert: Extract<OnAirEvent, { kind: 'alert' }>) => void;
}

export interface HubCounters {
  published: number;
  duplicates: number;
  alertDuplicates: number;
  flushes: number;
  maxPending: number;
  pendingDropped: number;
}

/**
 * The hub: every source publishes here; every view attaches here. It keeps a bounded history for late views
 * (snapshot first, then pushes), de-duplicates alerts reported twice, and coalesces bursts into batches.
 */
export class Hub {
  readonly state: HubState;
  readonly counters: HubCounters = {
    published: 0,
    duplicates: 0,
    alertDuplicates: 0,
    flushes: 0,
    maxPending: 0,
    pendingDropped: 0,
  };
  private readonly views = new Set<View>();
  private readonly deduper = new AlertDeduper();
  private pending: OnAirEvent[] = [];
  private timer: TimerHandle | null = null;
  private lastFlushAt = 0;
  private readonly maxPending: number;

  constructor(private readonly options: HubOptions) {
    const limits = { ...defaultHubLimits, ...options.limits };
    this.state = new HubState(limits);
    // A burst larger than the history is pointless to forward whole: views keep only `messages` lines.
    this.maxPending = limits.messages * 4;
  }

  publish(event: OnAirEvent): void {
    this.counters.published += 1;
    if (event.kind === 'alert') {
      if (!this.deduper.admit(event, this.options.clock.now())) {
        this.counters.alertDuplicates += 1;
        return;
      }
      this.options.onAlert?.(event);
    }
    if (!this.state.apply(event)) {
      this.counters.duplicates += 1;
      return;
    }
    this.enqueue(event);
  }

  /** Sends something to every ready view at once (alert-queue and settings changes). */
  broadcast(push: ViewPush, kinds: ViewKind[] = ['overlay', 'mod']): void {
    for (const view of this.views) {
      if (view.ready && kinds.includes(view.kind)) view.send(push);
    }
  }

  attach(kind: ViewKind, send: (push: ViewPush) => void): ViewAttachment {
    const view: View = { kind, send, ready: false };
    this.views.add(view);
    return {
      ready: () => {
        if (!this.views.has(view)) return;
        this.flush(); // views already attached get what is pending before the newcomer's snapshot
        view.ready = true;
        view.send({ type: 'snapshot', snapshot: this.snapshot() });
      },
      detach: () => {
        this.views.delete(view);
      },
    };
  }

  snapshot(): ViewSnapshot {
    const s = this.state;
    return {
      messages: s.chat.list(),
      statuses: [...s.statuses.values()],
      notices: [...s.notices],
      presence: Object.fromEntries([...s.presence].map(([id, users]) => [id, [...users]])),
      modes: Object.fromEntries(s.modes),
      automod: [...s.automod.values()],
      modlog: [...s.modlog],
      ...this.options.snapshotExtras(),
    };
  }

  /** Delivers pending events now (tests, shutdown). */
  flush(): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.counters.flushes += 1;
    this.lastFlushAt = this.options.clock.now();
    let overlayBatch: OnAirEvent[] | null = null;
    for (const view of this.views) {
      if (!view.ready) continue;
      if (view.kind === 'mod') view.send({ type: 'events', events: batch });
      else {
        overlayBatch ??= batch.filter((event) => OVERLAY_KINDS.has(event.kind));
        if (overlayBatch.length > 0) view.send({ type: 'events', events: overlayBatch });
      }
    }
  }

  stop(): void {
    this.flush();
    this.views.clear();
  }

  private enqueue(event: OnAirEvent): void {
    this.pending.push(event);
    if (this.pending.length > this.maxPending) this.dropOldestChat();
    if (this.pending.length > this.counters.maxPending) this.counters.maxPending = this.pending.length;
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushAt + FLUSH_MS - this.options.clock.now());
    this.timer = this.options.clock.setTimeout(() => this.flush(), wait);
  }

  /** Keeps the pending batch bounded: old chat lines go first (they would scroll away anyway). */
  private dropOldestChat(): void {
    const index = this.pending.findIndex((event) => event.kind === 'chat');
    if (index < 0) return;
    this.pending.splice(index, 1);
    this.counters.pendingDropped += 1;
  }
}
