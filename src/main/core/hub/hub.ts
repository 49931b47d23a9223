import type { OnAirEvent } from '../../../shared/events';
import type {
  DroppedSource,
  ModPush,
  ModSnapshot,
  OverlayEvent,
  OverlayPush,
  OverlaySnapshot,
  PushFor,
  ViewKind,
} from '../../../shared/api';
import { setSoon, type Clock, type TimerHandle } from '../clock';
import { AlertDeduper } from './alert-dedupe';
import { ChatGate } from './chat-gate';
import { HubState, defaultHubLimits, type HubLimits } from './hub-state';
import { overlayEvents, overlayPush, overlaySnapshot, releasedLines } from './overlay-projection';

/**
 * Push pacing (performance). A view that got no push for IDLE_GAP_MS is idle: the next event goes out at once
 * (leading edge; the events of one socket read still travel together). Events that follow a push closer than
 * that are a burst: they are coalesced until FLUSH_MS (about one animation frame) after it. So 100 msg/s goes
 * out line by line with no wait (bench:peer: a 16 ms window alone cost p50 about 6 ms there), and a flood
 * still gets at most about one push per frame, or one per socket read when reads are IDLE_GAP_MS apart.
 * The leading edge is sent right after the socket read that brought it (`setSoon`), in the same wakeup.
 */
const FLUSH_MS = 16;
const IDLE_GAP_MS = 4;

/** Dropped sources remembered for reconnecting consoles (only the demo's lines are ever dropped). */
const DROPPED_SOURCES_KEPT = 8;

/** Lines an overlay snapshot starts from: it shows at most 200 (overlay-options.ts), minus removed/hidden ones. */
const OVERLAY_SNAPSHOT_LINES = 500;

type HubOwnedKeys = 'messages' | 'statuses' | 'notices' | 'presence' | 'modes' | 'automod' | 'modlog';

/** A view (overlay window, mod window, browser page) attached to the core. */
export interface ViewAttachment {
  /** The view's store is subscribed: send the snapshot, then pushes. Pushes before this are held. */
  ready(): void;
  detach(): void;
}

/** An attached view; each kind gets its own snapshot and pushes (overlay-projection.ts). */
type View =
  | { kind: 'overlay'; send: (push: OverlayPush) => void; ready: boolean }
  | { kind: 'mod'; send: (push: ModPush) => void; ready: boolean };

export interface HubOptions {
  clock: Clock;
  limits?: Partial<HubLimits>;
  /** Builds the parts of a snapshot the hub does not own (alerts, auth, overlay settings). */
  snapshotExtras: () => Omit<ModSnapshot, HubOwnedKeys>;
  /** Called once for every new (de-duplicated) alert, e.g. to feed the alert queue. */
  onAlert?: (alert: Extract<OnAirEvent, { kind: 'alert' }>) => void;
  /** Called for every event the hub accepted (after de-duplication), e.g. to record it; must only enqueue. */
  onAccepted?: (event: OnAirEvent) => void;
  /** A source's moderation gate in seconds (0 or absent: none); see hub/chat-gate.ts. */
  gateSeconds?: (sourceId: string) => number;
}

export interface HubCounters {
  published: number;
  duplicates: number;
  alertDuplicates: number;
  flushes: number;
  maxPending: number;
  /** Events dropped from a pending batch (a flood); chat lines among them reach mod views as a `chatSeq` gap. */
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
  readonly gate: ChatGate;
  private pending: OnAirEvent[] = [];
  private timer: TimerHandle | null = null;
  private lastFlushAt = 0;
  /** Chat lines accepted so far: mod views compare it with what they got (`chatSeq` in shared/api.ts). */
  private chatSeq = 0;
  /** Sources whose lines were dropped, newest last (a reconnecting console forgets its copies of them). */
  private droppedSources: DroppedSource[] = [];
  private readonly maxPending: number;
  /** The alert share last sent to overlays (see `overlayShareChanged`). */
  private lastOverlayAlerts = '';

  constructor(private readonly options: HubOptions) {
    const limits = { ...defaultHubLimits, ...options.limits };
    this.state = new HubState(limits);
    // A burst larger than the history is pointless to forward whole: views keep only `messages` lines.
    this.maxPending = limits.messages * 4;
    this.gate = new ChatGate(
      options.clock,
      (lines) => this.sendToOverlays(releasedLines(lines)),
      this.maxPending,
    );
  }

  publish(received: OnAirEvent): void {
    this.counters.published += 1;
    const event = this.withGate(received);
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
    if (event.kind === 'chat') {
      this.chatSeq += 1;
      this.gate.hold(event);
    } else if (event.kind === 'removal') this.gate.applyRemoval(event);
    this.enqueue(event);
    this.options.onAccepted?.(event);
  }

  /** Stamps `gatedUntil` on a chat line whose source has a moderation gate; everything else passes as is. */
  private withGate(event: OnAirEvent): OnAirEvent {
    if (event.kind !== 'chat' || !this.options.gateSeconds) return event;
    const seconds = this.options.gateSeconds(event.source.sourceId);
    if (!(seconds > 0)) return event;
    return { ...event, gatedUntil: this.options.clock.now() + seconds * 1000 };
  }

  /** Forgets a source's chat lines in the history, the gate and every view (the demo once a real source runs). */
  dropLines(sourceId: string): void {
    this.flush();
    this.state.chat.dropSource(sourceId);
    this.gate.dropSource(sourceId);
    this.droppedSources = [
      ...this.droppedSources.filter((dropped) => dropped.sourceId !== sourceId),
      { sourceId, chatSeq: this.chatSeq },
    ].slice(-DROPPED_SOURCES_KEPT);
    for (const view of this.views) if (view.ready) view.send({ type: 'dropLines', sourceId });
  }

  private sendToOverlays(push: OverlayPush): void {
    for (const view of this.views) if (view.ready && view.kind === 'overlay') view.send(push);
  }

  /**
   * Sends a change to every ready view at once (alert-queue and settings changes): the mod console gets it
   * whole, the overlay its share (overlay-projection.ts), and only when that share changed.
   */
  broadcast(push: ModPush): void {
    let forOverlay: OverlayPush | null | undefined;
    for (const view of this.views) {
      if (!view.ready) continue;
      if (view.kind === 'mod') view.send(push);
      else {
        if (forOverlay === undefined) forOverlay = this.overlayShareChanged(overlayPush(push));
        if (forOverlay) view.send(forOverlay);
      }
    }
  }

  attach<K extends ViewKind>(kind: K, send: (push: PushFor<K>) => void): ViewAttachment {
    // PushFor<K> pairs the kind with its pushes; TypeScript cannot narrow a generic, hence the cast.
    const view = { kind, send, ready: false } as View;
    this.views.add(view);
    return {
      ready: () => {
        if (!this.views.has(view)) return;
        this.flush(); // views already attached get what is pending before the newcomer's snapshot
        view.ready = true;
        if (view.kind === 'mod')
          view.send({
            type: 'snapshot',
            snapshot: this.snapshot(),
            chatSeq: this.chatSeq,
            droppedSources: this.droppedSources,
          });
        else view.send({ type: 'snapshot', snapshot: this.overlaySnapshot() });
      },
      detach: () => {
        this.views.delete(view);
      },
    };
  }

  /** The overlay's snapshot: chat lines not removed, the alert on screen, its settings. */
  overlaySnapshot(): OverlaySnapshot {
    const lines = this.state.chat.list();
    const aired = this.gate.size > 0 ? lines.filter((line) => !this.gate.isHeld(line)) : lines;
    return overlaySnapshot(aired.slice(-OVERLAY_SNAPSHOT_LINES), this.options.snapshotExtras());
  }

  /** The mod console's snapshot: everything the hub keeps. */
  snapshot(): ModSnapshot {
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
    let overlayBatch: OverlayEvent[] | null = null;
    for (const view of this.views) {
      if (!view.ready) continue;
      if (view.kind === 'mod') view.send({ type: 'events', events: batch, chatSeq: this.chatSeq });
      else {
        overlayBatch ??= overlayEvents(batch);
        if (overlayBatch.length > 0) view.send({ type: 'events', events: overlayBatch });
      }
    }
  }

  stop(): void {
    this.flush();
    this.gate.stop();
    this.views.clear();
  }

  /**
   * The alert queue reports every change (a new alert queued, a pause); the overlay only shows the active one,
   * so an unchanged share is not sent again. Overlays attached later got the current state in their snapshot.
   */
  private overlayShareChanged(push: OverlayPush | null): OverlayPush | null {
    if (push?.type !== 'alerts') return push;
    const key = `${push.alerts.active?.id ?? ''}\u0000${push.alerts.activeUntil ?? ''}`;
    if (key === this.lastOverlayAlerts) return null;
    this.lastOverlayAlerts = key;
    return push;
  }

  private enqueue(event: OnAirEvent): void {
    this.pending.push(event);
    if (this.pending.length > this.maxPending) this.dropOldestChat();
    if (this.pending.length > this.counters.maxPending) this.counters.maxPending = this.pending.length;
    if (this.timer) return;
    const clock = this.options.clock;
    const sinceFlush = clock.now() - this.lastFlushAt;
    // The leading edge goes out once this socket read is handled, not on a 0 ms timer: that one fires after
    // the process slept again, a second wakeup per line at 100 msg/s (docs/performance.md).
    this.timer =
      sinceFlush >= IDLE_GAP_MS
        ? setSoon(clock, () => this.flush())
        : clock.setTimeout(() => this.flush(), FLUSH_MS - sinceFlush);
  }

  /** Keeps the pending batch bounded: old chat lines go first (they would scroll away anyway). */
  private dropOldestChat(): void {
    const index = this.pending.findIndex((event) => event.kind === 'chat');
    if (index < 0) return;
    this.pending.splice(index, 1);
    this.counters.pendingDropped += 1;
  }
}
