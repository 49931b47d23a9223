import { z } from 'zod';
import { ALERT_TYPES } from './events';
import type {
  AuthState,
  AutoModHold,
  ChatMessage,
  ChatModes,
  ModLogEntry,
  Notice,
  OnAirEvent,
  ProviderId,
  SourceStatus,
} from './events';
import { type Settings } from './settings';
import { settingsPatchSchema, type SettingsPatch } from './settings-patch';
import type { AlertQueueState } from './alert-queue-state';
import type { AlertApprovalItem, AlertMediaFile } from './alert-box/approval-types';
import type { LineRemoval } from './removal';
import { cardRequests } from './user-card-types';
import type { ModLogPage, UserCardInfo, UserHistoryPage } from './user-card-types';

/**
 * The one API contract between the core and its views. The Electron preloads (over IPC) and the headless
 * WebSocket bridge both implement it; every request is validated with these schemas on arrival.
 */

const id = z.string().min(1).max(200);
const sourceId = z.string().min(1).max(64);
const login = z.string().min(1).max(64);
const reason = z.string().max(500).optional();

export const modActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delete'), sourceId, messageId: id }),
  z.object({
    type: z.literal('timeout'),
    sourceId,
    userId: id,
    login,
    seconds: z.number().int().min(1).max(1_209_600),
    reason,
  }),
  z.object({ type: z.literal('ban'), sourceId, userId: id, login, reason }),
  z.object({ type: z.literal('unban'), sourceId, userId: id, login }),
  z.object({ type: z.literal('warn'), sourceId, userId: id, login, reason: z.string().min(1).max(500) }),
  z.object({ type: z.literal('mod'), sourceId, login, userId: id.optional() }),
  z.object({ type: z.literal('unmod'), sourceId, login, userId: id.optional() }),
  z.object({ type: z.literal('ipban'), sourceId, address: z.string().min(1).max(64) }),
  z.object({ type: z.literal('automod'), sourceId, holdId: id, allow: z.boolean() }),
  z.object({
    type: z.literal('chatModes'),
    sourceId,
    modes: z
      .object({
        emoteOnly: z.boolean(),
        followersOnlyMinutes: z.number().int().min(0).max(129_600).nullable(),
        slowSeconds: z.number().int().min(0).max(120),
        subsOnly: z.boolean(),
        uniqueChat: z.boolean(),
      })
      .partial(),
  }),
  z.object({ type: z.literal('shoutout'), sourceId, login }),
  z.object({
    type: z.literal('announce'),
    sourceId,
    text: z.string().min(1).max(500),
    color: z.enum(['primary', 'blue', 'green', 'orange', 'purple']).optional(),
  }),
  z.object({ type: z.literal('clearChat'), sourceId }),
  z.object({
    type: z.literal('userConf'),
    sourceId,
    name: z.string().max(32).optional(),
    color: z
      .string()
      .regex(/^#?[0-9a-fA-F]{6}$/)
      .optional(),
  }),
]);
export type ModAction = z.infer<typeof modActionSchema>;
export type ModActionType = ModAction['type'];

export const sendRequestSchema = z.object({
  sourceId,
  text: z.string().min(1).max(2000),
  replyTo: id.optional(),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

/**
 * How long one chat message may be on each service, counted the way that service counts: Twitch in
 * characters (code points, docs/twitch-irc.md), ChatKC in UTF-16 units (the reference server compares its
 * QString length with `max_chat_length` 500 and silently drops longer ones, docs/chatkc-client.md).
 */
export interface SendLimit {
  max: number;
  unit: 'codepoint' | 'utf16';
}

export const SEND_LIMITS: Readonly<Record<ProviderId, SendLimit | null>> = {
  twitch: { max: 500, unit: 'codepoint' },
  chatkc: { max: 500, unit: 'utf16' },
  demo: { max: 500, unit: 'codepoint' },
  streamlabs: null,
  streamelements: null,
};

/** The length of `text` as `limit` counts it. */
export function sendLength(text: string, limit: SendLimit): number {
  if (limit.unit === 'utf16') return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export type ErrorCode =
  | 'bad-request'
  | 'unsupported'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'too-large'
  | 'offline'
  | 'rejected'
  | 'internal';

/** Every action resolves to one of these. `local: true` means it only changed what OnAir shows. */
export type ActionResult =
  { ok: true; local: boolean; detail?: string } | { ok: false; code: ErrorCode; message: string };

export const alertControlSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('pause') }),
  z.object({ command: z.literal('resume') }),
  z.object({ command: z.literal('skip') }),
  z.object({ command: z.literal('replay'), alertId: id }),
  z.object({
    command: z.literal('test'),
    alertType: z.enum(ALERT_TYPES),
    /** Builds the sample so that this variation of the type matches (the console's per-variation test). */
    variationId: z.string().min(1).max(64).optional(),
  }),
  /** Decides on an alert held for approval. */
  z.object({
    command: z.literal('decide'),
    alertId: id,
    decision: z.enum(['approve', 'approve-without-text', 'reject']),
  }),
  /** Lists the playable files of the alert media folder. */
  z.object({ command: z.literal('listMedia') }),
]);
export type AlertControl = z.infer<typeof alertControlSchema>;

/** `test` says where its alert went; `listMedia` lists the media folder. */
export type AlertControlResult = ActionResult & {
  alertId?: string;
  placement?: 'held' | 'queued' | 'shown' | 'filtered';
  media?: AlertMediaFile[];
};

// Patches name only what they change; see settings-patch.ts.
export { settingsPatchSchema, type SettingsPatch };

/** The two kinds of view: the read-only overlay (window or OBS page) and the mod console. */
export type ViewKind = 'overlay' | 'mod';

/**
 * What the mod console gets: everything it draws from scratch. Pushes after it are `OnAirEvent` batches.
 * Only the mod connection (IPC to the mod window, or the secret-holding `/ws/mod`) ever carries it.
 */
export interface ModSnapshot {
  messages: ChatMessage[];
  statuses: SourceStatus[];
  notices: Notice[];
  presence: Record<string, string[]>;
  modes: Record<string, Partial<ChatModes>>;
  automod: AutoModHold[];
  modlog: ModLogEntry[];
  alerts: AlertQueueState;
  auth: AuthState;
  overlay: Settings['overlay'];
  timeoutPresets: number[];
  highlights: Settings['highlights'];
}

/** A source whose lines the hub dropped, and how many chat lines the hub had accepted then. */
export interface DroppedSource {
  sourceId: string;
  chatSeq: number;
}

/** Pushes from the core to the mod console. */
export type ModPush =
  /**
   * `chatSeq` (flood): how many chat lines the hub accepted up to the last one in this push, counting any it
   * dropped. A console that counted fewer lines announces the difference instead of losing it silently
   * (store/replica-resync.ts). Optional so scripted cores in tests may leave it out.
   */
  | {
      type: 'snapshot';
      snapshot: ModSnapshot;
      chatSeq?: number;
      /**
       * Sources whose lines the hub dropped (`dropLines`: the demo once a real source runs), each with the
       * `chatSeq` at that moment: a console that reconnects drops the lines of theirs it kept from before.
       */
      droppedSources?: DroppedSource[];
    }
  | { type: 'events'; events: OnAirEvent[]; chatSeq?: number }
  | { type: 'alerts'; alerts: AlertQueueState }
  /** Mod console only: alerts held for approval, and the latest decisions. */
  | { type: 'alertApprovals'; approvals: AlertApprovalItem[] }
  | {
      type: 'overlay';
      overlay: Settings['overlay'];
      timeoutPresets: number[];
      highlights: Settings['highlights'];
    }
  | DropLinesPush;

/** A source's lines leave the view (and the core's history): the demo's, once a real source runs. */
export interface DropLinesPush {
  type: 'dropLines';
  sourceId: string;
}

/**
 * The overlay renders the alert on screen and nothing else of the queue (what waits, what was shown and
 * whether a mod paused it stay in the console).
 */
export type OverlayAlertState = Pick<AlertQueueState, 'active' | 'activeUntil' | 'presentation' | 'exiting'>;

/** A chat line as the overlay gets it: no provider extras (nothing it renders). */
export type OverlayChat = Omit<ChatMessage, 'extras'>;

/** The overlay's events: chat lines, and removals without who acted or for how long. */
export type OverlayEvent = OverlayChat | LineRemoval;

/**
 * What the overlay renders, and only that: its socket is read-only and open to any local process without a
 * secret, so no moderation data (mod log, AutoMod, chatters, account, notices, source health) is in it.
 */
export interface OverlaySnapshot {
  /** Lines not removed. */
  messages: OverlayChat[];
  alerts: OverlayAlertState;
  overlay: Settings['overlay'];
}

/** Pushes from the core to an overlay (desktop window or OBS browser source). */
export type OverlayPush =
  | { type: 'snapshot'; snapshot: OverlaySnapshot }
  | { type: 'events'; events: OverlayEvent[] }
  | { type: 'alerts'; alerts: OverlayAlertState }
  | { type: 'overlay'; overlay: Settings['overlay'] }
  | DropLinesPush
  /** Desktop overlay window only: true while it takes the mouse (show the "interactive" hint). */
  | { type: 'interactive'; interactive: boolean };

/** Any push; the transports (IPC, WebSocket) forward them without looking inside. */
export type ViewPush = OverlayPush | ModPush;

/** The pushes a view of kind `K` receives. */
export type PushFor<K extends ViewKind> = K extends 'overlay' ? OverlayPush : ModPush;

/** Requests the mod console may make: name → params schema. Results are typed in `ModResults`. */
export const modRequests = {
  act: modActionSchema,
  send: sendRequestSchema,
  getSettings: z.undefined(),
  updateSettings: settingsPatchSchema,
  alertControl: alertControlSchema,
  loginTwitch: z.undefined(),
  cancelLogin: z.undefined(),
  logoutTwitch: z.undefined(),
  reconnect: z.object({ sourceId }),
  /** Stores (or with null, forgets) a source's secret token, e.g. a ChatKC token, then restarts the source. */
  setSourceToken: z.object({ sourceId, token: z.string().min(1).max(4096).nullable() }),
  /** Electron only: toggles overlay click-through. The headless bridge answers `unsupported`. */
  setClickThrough: z.object({ enabled: z.boolean() }),
  /** Where OBS can load the overlay as a browser source (null when no local server is running). */
  getOverlayUrl: z.undefined(),
  // User card and moderation log (user-card-types.ts).
  ...cardRequests,
  /** Takes a line off the overlay (kept in the gate, or taken down) in OnAir only: no service action. */
  keepOffStream: z.object({ sourceId, messageId: id }),
} as const;

export type ModMethod = keyof typeof modRequests;
export type ModParams<M extends ModMethod> = z.infer<(typeof modRequests)[M]>;

/**
 * The same schemas, typed per method: `modRequestSchemas[method]` for a generic `M` parses to `ModParams<M>`,
 * so code that serves any method (src/main/core/requests) needs no casts.
 */
export const modRequestSchemas: { readonly [M in ModMethod]: z.ZodType<ModParams<M>> } = modRequests;

export interface ModResults {
  act: ActionResult;
  keepOffStream: ActionResult;
  send: ActionResult;
  getSettings: Settings;
  updateSettings: ActionResult & { settings?: Settings };
  alertControl: AlertControlResult;
  loginTwitch: ActionResult;
  cancelLogin: ActionResult;
  logoutTwitch: ActionResult;
  reconnect: ActionResult;
  setSourceToken: ActionResult;
  setClickThrough: ActionResult;
  getOverlayUrl: { url: string | null };
  // User card and moderation log (user-card-types.ts).
  userCard: UserCardInfo;
  userHistory: UserHistoryPage;
  setUserNote: ActionResult;
  modLog: ModLogPage;
  exportModLog: { csv: string; count: number };
}

export type Unsubscribe = () => void;

/** Read-only view API: what the overlay gets (`P` = the pushes of its kind). */
export interface ViewBridge<P extends ViewPush = OverlayPush> {
  /** Subscribe to pushes; the core starts with a snapshot once `ready()` is called. */
  onPush(listener: (push: P) => void): Unsubscribe;
  ready(): void;
}

/** The mod console's API: the view API plus requests. */
export interface ModBridge extends ViewBridge<ModPush> {
  request<M extends ModMethod>(method: M, params: ModParams<M>): Promise<ModResults[M]>;
}

/** The handler side of the contract: implemented once by the core, served by IPC and the WS bridge. */
export type ModHandlers = {
  [M in ModMethod]: (params: ModParams<M>) => Promise<ModResults[M]>;
};
