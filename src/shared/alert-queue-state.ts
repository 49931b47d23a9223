import type { Alert } from './events';

export type AlertQueueStatus = 'idle' | 'playing' | 'paused';

/** Snapshot of the alert queue: what is on screen, what waits, what was shown (for replay). */
export interface AlertQueueState {
  status: AlertQueueStatus;
  active: Alert | null;
  /** When the active alert ends (ms since epoch), for the views' progress bar. */
  activeUntil: number | null;
  queued: Alert[];
  recent: Alert[];
}

export const emptyAlertQueueState: AlertQueueState = {
  status: 'idle',
  active: null,
  activeUntil: null,
  queued: [],
  recent: [],
};
