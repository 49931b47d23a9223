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
  SourceStatus,
} from './events';
import { sourceConfigSchema, settingsSchema, type Settings } from './settings';
import type { AlertQueueState } from './alert-queue-state';
import type { AlertApprovalItem, AlertMediaFile } from './alert-box/approval-types';

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

/**
 * A patch replaces whole top-level sections and leaves the others alone. Built from the sections without their
 * defaults: in zod 4 a defaulted field stays defaulted inside `.partial()`, so `{ overlay }` would otherwise
 * come out with every other section reset to its defaults (client id, endpoints, server port).
 */
const sections = settingsSchema.shape;
export const settingsPatchSchema = z.object({
  version: sections.version.unwrap().optional(),
  sources: z.array(sourceConfigSchema).max(50).optional(),
  endpoints: sections.endpoints.unwrap().optional(),
  twitch: sections.twitch.unwrap().optional(),
  overlay: sections.overlay.unwrap().optional(),
  alerts: sections.alerts.unwrap().optional(),
  server: sections.server.unwrap().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
// Compile-time check that every section of the settings can be patched.
type Unpatchable = Exclude<keyof Settings, keyof SettingsPatch>;
const _everySectionPatchable: Unpatchable extends never ? true : Unpatchable = true;
void _everySectionPatchable;

/** Everything a view needs to draw itself from scratch. Pushes after it are `OnAirEvent` batches. */
export interface ViewSnapshot {
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
}

/** Pushes from the core to a view. */
export type ViewPush =
  | { type: 'snapshot'; snapshot: ViewSnapshot }
  | { type: 'events'; events: OnAirEvent[] }
  | { type: 'alerts'; alerts: AlertQueueState }
  /** Mod console only: alerts held for approval, and the latest decisions. */
  | { type: 'alertApprovals'; approvals: AlertApprovalItem[] }
  | { type: 'overlay'; overlay: Settings['overlay']; timeoutPresets: number[] }
  /** Desktop overlay window only: true while it takes the mouse (show the "interactive" hint). */
  | { type: 'interactive'; interactive: boolean };

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
} as const;

export type ModMethod = keyof typeof modRequests;
export type ModParams<M extends ModMethod> = z.infer<(typeof modRequests)[M]>;

export interface ModResults {
  act: ActionResult;
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
}

export type Unsubscribe = () => void;

/** Read-only view API: what the overlay gets. */
export interface ViewBridge {
  /** Subscribe to pushes; the core starts with a snapshot once `ready()` is called. */
  onPush(listener: (push: ViewPush) => void): Unsubscribe;
  ready(): void;
}

/** The mod console's API: the view API plus requests. */
export interface ModBridge extends ViewBridge {
  request<M extends ModMethod>(method: M, params: ModParams<M>): Promise<ModResults[M]>;
}

/** The handler side of the contract: implemented once by the core, served by IPC and the WS bridge. */
export type ModHandlers = {
  [M in ModMethod]: (params: ModParams<M>) => Promise<ModResults[M]>;
};
