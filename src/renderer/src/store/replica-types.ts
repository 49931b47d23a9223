import type { ModSnapshot, OverlayAlertState, OverlaySnapshot } from '../../../shared/api';
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
import { ChatWorkingCopy } from './chat-slice';
import { emptyAlertQueueState, type AlertQueueState } from '../../../shared/alert-queue-state';
import type { AlertApprovalItem } from '../../../shared/alert-box/approval-types';
import { DEFAULT_OVERLAY, DEFAULT_TIMEOUT_PRESETS } from '../../../shared/settings-defaults';
import { defaultHighlights } from '../../../shared/highlight-defaults';

/**
 * What a window knows about the core: a replica built from the snapshot of its view kind and the pushes after
 * it. The overlay gets only what it renders (shared/api.ts OverlaySnapshot); the mod console everything.
 */
export interface OverlayReplica {
  /** False until the first snapshot arrived. */
  synced: boolean;
  messages: ChatMessage[];
  alerts: OverlayAlertState;
  overlay: Settings['overlay'];
}

export interface ModReplica extends OverlayReplica {
  alerts: AlertQueueState;
  statuses: Record<string, SourceStatus>;
  modes: Record<string, Partial<ChatModes>>;
  /** Number of known chatters per source (names are not needed by any view). */
  presenceCount: Record<string, number>;
  notices: Notice[];
  /** Held messages in arrival order; resolved ones stay so the console can show who resolved them. */
  automod: AutoModHold[];
  modlog: ModLogEntry[];
  auth: AuthState;
  /** Mod console only: alerts held for approval (pushed right after the snapshot, then on each change). */
  alertApprovals: AlertApprovalItem[];
  timeoutPresets: number[];
  highlights: Settings['highlights'];
  /** The hub's count of chat lines up to the last one this console got (`chatSeq`); null when not told. */
  chatSeq: number | null;
  /** Chat lines the hub accepted that never reached this console (a flood, a reconnect): shown, not hidden. */
  skippedLines: number;
}

/** How much the mod console keeps: a session's worth. */
export interface ReplicaLimits {
  messages: number;
  notices: number;
  automod: number;
  modlog: number;
}

/** Lines the overlay keeps (it shows at most 200, overlay-options.ts). */
export const OVERLAY_MESSAGE_LIMIT = 200;
export const modLimits: ReplicaLimits = { messages: 2000, notices: 100, automod: 100, modlog: 200 };

export function emptyOverlayReplica(): OverlayReplica {
  return {
    synced: false,
    messages: [],
    alerts: { active: null, activeUntil: null },
    overlay: { ...DEFAULT_OVERLAY, hiddenUsers: [...DEFAULT_OVERLAY.hiddenUsers] },
  };
}

export function emptyModReplica(): ModReplica {
  return {
    ...emptyOverlayReplica(),
    statuses: {},
    modes: {},
    presenceCount: {},
    notices: [],
    automod: [],
    modlog: [],
    auth: { provider: 'twitch', status: 'logged-out' },
    alerts: emptyAlertQueueState,
    alertApprovals: [],
    timeoutPresets: [...DEFAULT_TIMEOUT_PRESETS],
    highlights: defaultHighlights(),
    chatSeq: null,
    skippedLines: 0,
  };
}

/** The last `n` items (`slice(-0)` would return them all). */
export function lastN<T>(items: T[], n: number): T[] {
  return n <= 0 ? [] : items.length <= n ? items : items.slice(items.length - n);
}

export function overlayReplicaFromSnapshot(snapshot: OverlaySnapshot): OverlayReplica {
  return {
    synced: true,
    messages: lastN(snapshot.messages, OVERLAY_MESSAGE_LIMIT),
    alerts: snapshot.alerts,
    overlay: snapshot.overlay,
  };
}

export function modReplicaFromSnapshot(snapshot: ModSnapshot, limits: ReplicaLimits): ModReplica {
  return {
    synced: true,
    messages: withUnbans(lastN(snapshot.messages, limits.messages), snapshot.modlog),
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
    highlights: snapshot.highlights,
    chatSeq: null,
    skippedLines: 0,
  };
}

/** A snapshot's lines with the unbans of its mod log applied, as live mod-log events would have. */
function withUnbans(messages: ChatMessage[], modlog: ModLogEntry[]): ChatMessage[] {
  if (!modlog.some((entry) => entry.action === 'unban' || entry.action === 'untimeout')) return messages;
  const chat = new ChatWorkingCopy(messages);
  for (const entry of modlog) chat.applyUnban(entry);
  return chat.messages;
}
