import type { AlertApprovalSettings } from '../../../shared/alert-box/settings';
import type {
  AlertApprovalItem,
  ApprovalDecision,
  ApprovalStatus,
} from '../../../shared/alert-box/approval-types';
import type { Alert } from '../../../shared/events';
import type { Clock, TimerHandle } from '../clock';

export interface AlertApprovalOptions {
  clock: Clock;
  settings: () => AlertApprovalSettings;
  /** Where approved alerts go (the queue). Rejected ones go nowhere. */
  release: (alert: Alert) => void;
  /** Called with the whole list after every change. */
  onChange: (items: AlertApprovalItem[]) => void;
  maxPending?: number;
  maxResolved?: number;
}

const STATUS: Record<ApprovalDecision, ApprovalStatus> = {
  approve: 'approved',
  'approve-without-text': 'approved-without-text',
  reject: 'rejected',
};

/** True when the alert carries something a viewer wrote. */
export function carriesViewerText(alert: Alert): boolean {
  return !!alert.message?.some((part) => part.text.trim().length > 0);
}

interface Held {
  item: AlertApprovalItem;
  timer: TimerHandle | null;
}

/**
 * Holds alerts that carry viewer text until a moderator approves (with or without the text) or rejects them,
 * or the timeout policy decides. Only released alerts reach the queue, so the overlay never receives a held
 * or rejected text; an alert approved without text is released with its message removed.
 */
export class AlertApprovalGate {
  private readonly pending = new Map<string, Held>();
  private resolved: AlertApprovalItem[] = [];
  private readonly maxPending: number;
  private readonly maxResolved: number;
  private stopped = false;

  constructor(private readonly options: AlertApprovalOptions) {
    this.maxPending = Math.max(1, options.maxPending ?? 100);
    this.maxResolved = Math.max(0, options.maxResolved ?? 50);
  }

  /** Releases the alert at once, or holds it; returns which. */
  submit(alert: Alert): 'released' | 'held' {
    const settings = this.options.settings();
    if (!settings.enabled || !carriesViewerText(alert)) {
      this.options.release(alert);
      return 'released';
    }
    if (this.stopped || this.pending.has(alert.id)) return 'held';
    const now = this.options.clock.now();
    const waitMs = settings.timeoutSeconds * 1000;
    const item: AlertApprovalItem = {
      alert,
      heldAt: now,
      expiresAt: waitMs > 0 ? now + waitMs : null,
      status: 'pending',
    };
    const timer = waitMs > 0 ? this.options.clock.setTimeout(() => this.onTimeout(alert.id), waitMs) : null;
    this.pending.set(alert.id, { item, timer });
    this.enforceBound();
    this.changed();
    return 'held';
  }

  /** False when the alert is not (or no longer) waiting. */
  decide(alertId: string, decision: ApprovalDecision, by: 'moderator' | 'timeout' = 'moderator'): boolean {
    const held = this.pending.get(alertId);
    if (!held || this.stopped) return false;
    this.resolve(held, decision, by);
    this.changed();
    return true;
  }

  list(): AlertApprovalItem[] {
    return [...[...this.pending.values()].map((held) => held.item), ...this.resolved];
  }

  stop(): void {
    this.stopped = true;
    for (const held of this.pending.values()) this.options.clock.clearTimeout(held.timer);
  }

  private onTimeout(alertId: string): void {
    const held = this.pending.get(alertId);
    if (!held) return;
    held.timer = null;
    this.decide(alertId, this.options.settings().onTimeout, 'timeout');
  }

  /** Over the bound, the oldest waiting alert gets the timeout policy now. */
  private enforceBound(): void {
    while (this.pending.size > this.maxPending) {
      const oldest = this.pending.values().next().value;
      if (!oldest) return;
      this.resolve(oldest, this.options.settings().onTimeout, 'timeout');
    }
  }

  private resolve(held: Held, decision: ApprovalDecision, by: 'moderator' | 'timeout'): void {
    this.options.clock.clearTimeout(held.timer);
    const alert = held.item.alert;
    this.pending.delete(alert.id);
    const item: AlertApprovalItem = {
      ...held.item,
      status: STATUS[decision],
      decidedBy: by,
      decidedAt: this.options.clock.now(),
    };
    this.resolved = [item, ...this.resolved].slice(0, this.maxResolved);
    if (decision === 'approve') this.options.release(alert);
    else if (decision === 'approve-without-text') this.options.release({ ...alert, message: null });
  }

  private changed(): void {
    this.options.onChange(this.list());
  }
}
