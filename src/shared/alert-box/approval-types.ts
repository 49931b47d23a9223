import type { Alert } from '../events';

export type ApprovalDecision = 'approve' | 'approve-without-text' | 'reject';

export type ApprovalStatus = 'pending' | 'approved' | 'approved-without-text' | 'rejected';

/** An alert with viewer text held for a moderator (mod console only; never sent to the overlay pages). */
export interface AlertApprovalItem {
  alert: Alert;
  heldAt: number;
  /** When the timeout policy decides (ms since epoch); null = waits for a moderator. */
  expiresAt: number | null;
  status: ApprovalStatus;
  decidedBy?: 'moderator' | 'timeout';
  decidedAt?: number;
}

/** A media folder file the alert box can use, for the console's pickers. */
export interface AlertMediaFile {
  name: string;
  kind: 'image' | 'video' | 'audio';
  size: number;
}
