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
import { sourceConfigSchema, settingsSchema, type Settings } from './settings';
import type { AlertQueueState } from './alert-queue-state';

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
  }),
]);
export type AlertControl = z.infer<typeof alertControlSchema>;

export const settingsPatchSchema = settingsSchema.partial().extend({
  sources: z.array(sourceConfigSchema).max(50).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

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
  alertControl: ActionResult;
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
