import type { ViewSnapshot } from '../../../shared/api';
import type {
  AuthState,
  AutoModHold,
  ChatMessage,
  ChatModes,
  ModLogEntry,
  Notice,
  SourceStatus,
} from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import { emptyAlertQueueState, type AlertQueueState } from '../../../shared/alert-queue-state';
import type { AlertApprovalItem } from '../../../shared/alert-box/approval-types';
import { DEFAULT_OVERLAY, DEFAULT_TIMEOUT_PRESETS } from '../../../shared/settings-defaults';

/** What a window knows about the core: a replica built from the snapshot and the pushes after it. */
export interface ReplicaData {
  /** False until the first snapshot arrived. */
  synced: boolean;
  messages: ChatMessage[];
  statuses: Record<string, SourceStatus>;
  modes: Record<string, Partial<ChatModes>>;
  /** Number of known chatters per source (names are not needed by any view). */
  presenceCount: Record<string, number>;
  notices: Notice[];
  /** Held messages in arrival order; resolved ones stay so the console can show who resolved them. */
  automod: AutoModHold[];
  modlog: ModLogEntry[];
  auth: AuthState;
  alerts: AlertQueueState;
  /** Mod console only: alerts held for approval (pushed right after the snapshot, then on each change). */
  alertApprovals: AlertApprovalItem[];
  overlay: Settings['overlay'];
  timeoutPresets: number[];
}

/** How much each window keeps; the overlay needs few lines, the mod console a session's worth. */
export interface ReplicaLimits {
  messages: number;
  notices: number;
  automod: number;
  modlog: number;
}

export const overlayLimits: ReplicaLimits = { messages: 200, notices: 0, automod: 0, modlog: 0 };
export const modLimits: ReplicaLimits = { messages: 2000, notices: 100, automod: 100, modlog: 200 };

export function emptyReplica(): ReplicaData {
  return {
    synced: false,
    messages: [],
    statuses: {},
    modes: {},
    presenceCount: {},
    notices: [],
    automod: [],
    modlog: [],
    auth: { provider: 'twitch', status: 'logged-out' },
    alerts: emptyAlertQueueState,
    alertApprovals: [],
    overlay: { ...DEFAULT_OVERLAY, hiddenUsers: [...DEFAULT_OVERLAY.hiddenUsers] },
    timeoutPresets: [...DEFAULT_TIMEOUT_PRESETS],
  };
}

/** The last `n` items (`slice(-0)` would return them all). */
export function lastN<T>(items: T[], n: number): T[] {
  return n <= 0 ? [] : items.length <= n ? items : items.slice(items.length - n);
}

export function replicaFromSnapshot(snapshot: ViewSnapshot, limits: ReplicaLimits): ReplicaData {
  return {
    synced: true,
    messages: lastN(snapshot.messages, limits.messages),
    statuses: Object.fromEntries(snapshot.statuses.map((status) => [status.source.sourceId, status])),
    modes: { ...snapshot.modes },
    presenceCount: Object.fromEntries(
      Object.entries(snapshot.presence).map(([sourceId, names]) => [sourceId, names.length]),
    ),
    notices: lastN(snapshot.notices, limits.notices),
    automod: lastN(snapshot.automod, limits.automod),
    modlog: lastN(snapshot.modlog, limits.modlog),
    auth: snapshot.auth,
    alerts: snapshot.alerts,
    alertApprovals: [],
    overlay: snapshot.overlay,
    timeoutPresets: snapshot.timeoutPresets,
  };
}

export const messageKey = (message: { source: { sourceId: string }; id: string }): string =>
  `${message.source.sourceId}\u0000${message.id}`;
