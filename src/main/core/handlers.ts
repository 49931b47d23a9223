import { randomUUID } from 'node:crypto';
import type {
  ActionResult,
  AlertControl,
  AlertControlResult,
  ModAction,
  ModHandlers,
  SettingsPatch,
} from '../../shared/api';
import type { ChatMessage, ModLogEntry, ModSubject } from '../../shared/events';
import type { CardHandlers } from './user-card/card-handlers';
import type { Settings } from '../../shared/settings';
import type { Logger } from './log/logger';
import type { SourceManager } from './source-manager';

/** The parts of the core the handlers drive. */
export interface HandlerDeps {
  sources: SourceManager;
  log: Logger;
  now: () => number;
  getSettings: () => Settings;
  browserSourceUrl: () => string | null;
  /** Applies a patch after all earlier ones (the core serialises them); only the fields it names change. */
  updateSettings: (
    patch: SettingsPatch,
  ) => Promise<{ ok: true; settings: Settings } | { ok: false; error: string }>;
  alertControl: (control: AlertControl) => AlertControlResult | Promise<AlertControlResult>;
  setSourceToken: (sourceId: string, token: string | null) => Promise<ActionResult>;
  /** A message still in memory, so the log can quote what a delete removed. */
  findMessage?: (sourceId: string, messageId: string) => ChatMessage | undefined;
  /** The user card and moderation log requests (user-card/card-handlers.ts); absent: `unsupported`. */
  card?: CardHandlers;
  /** Resolves once the entry is durable (or its failure reported): only then is the action answered. */
  recordModeration: (entry: ModLogEntry) => Promise<void>;
  /** Publishes an OnAir-only removal that keeps a line off the overlay (moderation gate). */
  keepOffStream: (sourceId: string, messageId: string) => ActionResult;
  twitch: {
    login: () => Promise<ActionResult>;
    cancel: () => Promise<ActionResult>;
    logout: () => Promise<ActionResult>;
  };
}

const noSource = (sourceId: string): ActionResult => ({
  ok: false,
  code: 'not-found',
  message: `No running source "${sourceId}".`,
});

/** Describes the target of an action for the moderation log. */
function targetOf(action: ModAction): string {
  switch (action.type) {
    case 'delete':
      return `message ${action.messageId}`;
    case 'timeout':
    case 'ban':
    case 'unban':
    case 'warn':
    case 'mod':
    case 'unmod':
      return action.login;
    case 'ipban':
      return action.address;
    case 'automod':
      return `held message ${action.holdId}`;
    case 'shoutout':
      return action.login;
    default:
      return action.sourceId;
  }
}

function detailOf(action: ModAction): string | undefined {
  if (action.type === 'timeout') return `${action.seconds}s${action.reason ? ` — ${action.reason}` : ''}`;
  if ((action.type === 'ban' || action.type === 'warn') && action.reason) return action.reason;
  if (action.type === 'automod') return action.allow ? 'approve' : 'deny';
  if (action.type === 'chatModes') return JSON.stringify(action.modes);
  return undefined;
}

const cardMissing = { ok: false, code: 'unsupported', message: 'No history store.' } as const;
const noCard: CardHandlers = {
  userCard: () => Promise.reject(new Error(cardMissing.message)),
  userHistory: () => Promise.reject(new Error(cardMissing.message)),
  setUserNote: async () => cardMissing,
  modLog: () => Promise.reject(new Error(cardMissing.message)),
  exportModLog: () => Promise.reject(new Error(cardMissing.message)),
};

/** The author and text of a message the core still holds. */
function messageSubject(
  sourceId: string,
  messageId: string,
  find: HandlerDeps['findMessage'],
): ModSubject | undefined {
  const message = find?.(sourceId, messageId);
  if (!message) return undefined;
  const { id: userId, login, displayName } = message.author;
  return { userId, login, displayName, messageText: message.text.slice(0, 500) };
}

/** Who and what the action concerned, for the human text of the log and the user card. */
function subjectOf(action: ModAction, find: HandlerDeps['findMessage']): ModSubject | undefined {
  switch (action.type) {
    case 'delete':
      return messageSubject(action.sourceId, action.messageId, find);
    case 'timeout':
      return { userId: action.userId, login: action.login, seconds: action.seconds, reason: action.reason };
    case 'ban':
    case 'warn':
      return { userId: action.userId, login: action.login, reason: action.reason };
    case 'unban':
    case 'mod':
    case 'unmod':
      return { userId: action.userId, login: action.login };
    case 'shoutout':
      return { login: action.login };
    default:
      return undefined;
  }
}

/** One implementation of the mod-console API, served by Electron IPC and by the headless WS bridge. */
export function createHandlers(deps: HandlerDeps): ModHandlers {
  const act = async (action: ModAction): Promise<ActionResult> => {
    const source = deps.sources.get(action.sourceId);
    const result = source ? await source.act(action) : noSource(action.sourceId);
    const actor = source?.status().identity?.login ?? 'you';
    await deps.recordModeration({
      id: randomUUID(),
      at: deps.now(),
      sourceId: action.sourceId,
      actor,
      action: action.type,
      target: targetOf(action),
      detail: detailOf(action),
      result: result.ok ? (result.local ? 'local' : 'ok') : 'error',
      error: result.ok ? undefined : result.message,
      subject: subjectOf(action, deps.findMessage),
    });
    return result;
  };

  const updateSettings = async (patch: SettingsPatch) => {
    const applied = await deps.updateSettings(patch);
    if (!applied.ok) return { ok: false as const, code: 'bad-request' as const, message: applied.error };
    return { ok: true as const, local: true, settings: applied.settings };
  };

  return {
    act,
    send: async (request) => {
      const source = deps.sources.get(request.sourceId);
      return source ? source.send(request) : noSource(request.sourceId);
    },
    getSettings: async () => deps.getSettings(),
    updateSettings,
    alertControl: async (control) => deps.alertControl(control),
    loginTwitch: () => deps.twitch.login(),
    cancelLogin: () => deps.twitch.cancel(),
    logoutTwitch: () => deps.twitch.logout(),
    reconnect: async ({ sourceId }) => {
      const source = deps.sources.get(sourceId);
      if (!source) return noSource(sourceId);
      source.reconnect();
      return { ok: true, local: false, detail: 'Reconnecting…' };
    },
    setSourceToken: ({ sourceId, token }) => deps.setSourceToken(sourceId, token),
    setClickThrough: async () => ({
      ok: false,
      code: 'unsupported',
      message: 'Click-through exists only for the desktop overlay window.',
    }),
    getOverlayUrl: async () => ({ url: deps.browserSourceUrl() }),
    ...(deps.card ?? noCard),
    keepOffStream: async ({ sourceId, messageId }) => {
      const result = deps.keepOffStream(sourceId, messageId);
      await deps.recordModeration({
        id: randomUUID(),
        at: deps.now(),
        sourceId,
        actor: deps.sources.get(sourceId)?.status().identity?.login ?? 'you',
        action: 'keepOffStream',
        target: `message ${messageId}`,
        subject: messageSubject(sourceId, messageId, deps.findMessage),
        result: result.ok ? 'local' : 'error',
        error: result.ok ? undefined : result.message,
      });
      return result;
    },
  };
}
