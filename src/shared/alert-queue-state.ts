import type { AlertPresentation } from './alert-box/types';
import type { Alert } from './events';

/** `paused`: the alert on screen (if any) plays to its end, the next ones wait for resume. */
export type AlertQueueStatus = 'idle' | 'playing' | 'paused';

/** Snapshot of the alert queue: what is on screen, what waits, what was shown (for replay). */
export interface AlertQueueState {
  status: AlertQueueStatus;
  active: Alert | null;
  /** When the active alert ends (ms since epoch), for the views' progress bar and exit animation. */
  activeUntil: number | null;
  /** How the alert box shows the active alert (null when idle, or for a queue without an alert box). */
  presentation?: AlertPresentation | null;
  /** True once the active alert was skipped: it is playing its exit animation until `activeUntil`. */
  exiting?: boolean;
  queued: Alert[];
  /** The in-memory history, newest first and bounded; replay takes its ids. */
  recent: Alert[];
}

export const emptyAlertQueueState: AlertQueueState = {
  status: 'idle',
  active: null,
  activeUntil: null,
  presentation: null,
  exiting: false,
  queued: [],
  recent: [],
};
