import type { ModHandlers } from '../../../shared/api';
import type { SourceRef } from '../../../shared/events';
import {
  HISTORY_WINDOW,
  type Fact,
  type StoredLine,
  type TwitchUserFacts,
} from '../../../shared/user-card-types';
import type { Clock } from '../clock';
import type { HistoryStore, StoredMessage } from '../storage/db/history-types';
import type { ModLogArchive } from './mod-log-archive';
import { entryUsers, modLogCsv, queryModLog } from './mod-log-query';

export type CardHandlers = Pick<
  ModHandlers,
  'userCard' | 'userHistory' | 'setUserNote' | 'modLog' | 'exportModLog'
>;

export interface CardDeps {
  history: HistoryStore;
  modlog: ModLogArchive;
  clock: Clock;
  /** The running source's service and channel (null once the source is gone). */
  sourceRef: (sourceId: string) => SourceRef | null;
  /** Helix facts, or null when not logged in to Twitch. */
  twitchFacts: (channel: string, userId: string) => Promise<TwitchUserFacts | null>;
  /** How long the card waits for Twitch before saying "unavailable" (the rest never waits). */
  factsTimeoutMs?: number;
}

const HISTORY_PAGE = 20;
const ACTIONS_SHOWN = 100;

const unavailable = (reason: string): Fact<never> => ({ state: 'unavailable', reason });
const allUnavailable = (reason: string): TwitchUserFacts => ({
  account: unavailable(reason),
  follow: unavailable(reason),
  subscription: unavailable(reason),
});

const lineOf = (m: StoredMessage): StoredLine => ({
  sourceId: m.sourceId,
  messageId: m.messageId,
  login: m.login,
  displayName: m.displayName,
  text: m.text,
  at: m.at,
});

/** The user card and moderation log requests, over the history store and the moderation log. */
export function createCardHandlers(deps: CardDeps): CardHandlers {
  // Store queries are awaited through Promise.resolve: the store may answer synchronously or from a worker.
  const storedLines = async (userId: string, login: string): Promise<StoredMessage[]> => {
    const rows = await Promise.resolve(deps.history.userHistory({ userId, limit: HISTORY_WINDOW }));
    // User ids are per service: a row of another service with the same id has another login.
    return rows.filter((row) => row.login.toLowerCase() === login.toLowerCase());
  };

  const facts = (sourceId: string, userId: string): Promise<TwitchUserFacts | null> => {
    const ref = deps.sourceRef(sourceId);
    if (ref?.provider !== 'twitch') return Promise.resolve(null);
    const timeoutMs = deps.factsTimeoutMs ?? 4_000;
    return new Promise((resolve) => {
      const timer = deps.clock.setTimeout(
        () => resolve(allUnavailable(`Twitch did not answer within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      );
      deps
        .twitchFacts(ref.channel, userId)
        .then((answer) => answer ?? allUnavailable('Log in to Twitch to see these.'))
        .catch(() => allUnavailable('Twitch did not answer as expected.'))
        .then((answer) => {
          deps.clock.clearTimeout(timer);
          resolve(answer);
        });
    });
  };

  return {
    userCard: async ({ sourceId, userId, login }) => {
      const [rows, note, status, twitch] = await Promise.all([
        storedLines(userId, login),
        Promise.resolve(deps.history.note(sourceId, userId)),
        Promise.resolve(deps.history.status()),
        facts(sourceId, userId),
      ]);
      const names = new Set([userId.toLowerCase(), login.toLowerCase()]);
      const actions = [...deps.modlog.all()]
        .reverse()
        .filter((e) => entryUsers(e).some((n) => names.has(n)))
        .slice(0, ACTIONS_SHOWN);
      return {
        sourceId,
        provider: deps.sourceRef(sourceId)?.provider ?? null,
        userId,
        login,
        twitch,
        firstSeenAt: rows.at(-1)?.at ?? null,
        messageCount: rows.length,
        countCapped: rows.length >= HISTORY_WINDOW,
        note: note ?? '',
        storage: status.backend,
        actions,
      };
    },
    userHistory: async ({ userId, login, text, cursor, limit }) => {
      let rows = await storedLines(userId, login);
      const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length > 0)
        rows = await searched(deps.history, rows, words, { text: text ?? '', userId, login });
      const offset = Number(cursor ?? 0);
      const end = offset + (limit ?? HISTORY_PAGE);
      return {
        messages: rows.slice(offset, end).map(lineOf),
        nextCursor: end < rows.length ? String(end) : null,
      };
    },
    setUserNote: async ({ sourceId, userId, note }) => {
      await Promise.resolve(deps.history.setNote(sourceId, userId, note.trim()));
      const saved = (await Promise.resolve(deps.history.note(sourceId, userId))) ?? '';
      if (saved !== note.trim())
        return { ok: false, code: 'internal', message: 'The note could not be stored.' };
      const status = await Promise.resolve(deps.history.status());
      const detail =
        status.backend === 'memory' ? 'Saved until OnAir quits (history storage is off).' : 'Saved.';
      return { ok: true, local: true, detail };
    },
    modLog: async (query) => queryModLog(deps.modlog.all(), query),
    exportModLog: async (filter) => modLogCsv(deps.modlog.all(), filter),
  };
}

/**
 * The user's lines containing every word: the newest window scanned here (substrings, any case), plus older
 * ones the store's full-text search finds (whole words); newest first, each once.
 */
async function searched(
  history: HistoryStore,
  rows: StoredMessage[],
  words: string[],
  { text, userId, login }: { text: string; userId: string; login: string },
): Promise<StoredMessage[]> {
  const inWindow = rows.filter((row) => words.every((w) => row.text.toLowerCase().includes(w)));
  const found = await Promise.resolve(history.searchLog({ text, limit: 500 }));
  const seen = new Set(inWindow.map((r) => `${r.sourceId}\u0000${r.messageId}`));
  const older = found.filter(
    (r) =>
      r.userId === userId &&
      r.login.toLowerCase() === login.toLowerCase() &&
      !seen.has(`${r.sourceId}\u0000${r.messageId}`),
  );
  return [...inWindow, ...older].sort((a, b) => b.at - a.at);
}
