import { z } from 'zod';
import type { ModLogEntry, ProviderId } from './events';

/**
 * Requests and answers of the user card and the moderation log (issue 15). Every service fact is optional:
 * one that could not be had says why, and never holds up the rest of the card.
 */
export type Fact<T> = { state: 'ok'; value: T } | { state: 'unavailable'; reason: string };

export interface TwitchUserFacts {
  /** Account creation time (GET /users `created_at`). */
  account: Fact<{ createdAt: number; avatarUrl: string | null }>;
  /** When they followed the channel, or null when they do not (GET /channels/followers). */
  follow: Fact<{ followedAt: number } | null>;
  /** Tier (`1000`, `2000`, `3000`) and whether gifted, or null when not subscribed (GET /subscriptions). */
  subscription: Fact<{ tier: string; gifted: boolean } | null>;
}

export interface UserCardInfo {
  sourceId: string;
  provider: ProviderId | null;
  userId: string;
  login: string;
  /** Twitch facts from Helix; null for other services. */
  twitch: TwitchUserFacts | null;
  /** Oldest stored message of the user (among the newest `HISTORY_WINDOW`, see countCapped). */
  firstSeenAt: number | null;
  messageCount: number;
  /** True when the user has more stored messages than the card counts: then it shows "500+". */
  countCapped: boolean;
  note: string;
  /** `memory`: history is not on disk (storage off or unusable) and ends when OnAir quits. */
  storage: 'sqlite' | 'memory';
  /** Moderation of this user in the log, newest first. */
  actions: ModLogEntry[];
}

export interface StoredLine {
  sourceId: string;
  messageId: string;
  login: string;
  displayName: string;
  text: string;
  at: number;
}

export interface UserHistoryPage {
  messages: StoredLine[];
  nextCursor: string | null;
}

export interface ModLogPage {
  entries: ModLogEntry[];
  /** Entries matching the filters (this page and the rest). */
  total: number;
  nextCursor: string | null;
  /** Distinct values seen, for the filter pickers. */
  actions: string[];
  moderators: string[];
}

/** The stored history the card pages through and counts: the user's newest messages. */
export const HISTORY_WINDOW = 500;

const sourceId = z.string().min(1).max(64);
const userId = z.string().min(1).max(200);
const login = z.string().min(1).max(64);
const cursor = z
  .string()
  .regex(/^\d{1,6}$/)
  .optional();
const limit = z.number().int().min(1).max(200).optional();
const filterText = z.string().max(200).optional();

export const modLogFilterSchema = z.object({
  user: filterText,
  moderator: filterText,
  action: z.string().max(64).optional(),
  sourceId: sourceId.optional(),
  /** Milliseconds since epoch, inclusive. */
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
  text: filterText,
});
export type ModLogFilter = z.infer<typeof modLogFilterSchema>;

export const cardRequests = {
  /** Profile, Twitch facts, counts, note and moderation of one user. */
  userCard: z.object({ sourceId, userId, login }),
  /** The user's stored messages across sources of the same service, newest first, paged, optionally searched. */
  userHistory: z.object({ sourceId, userId, login, text: filterText, cursor, limit }),
  /** Saves (empty: deletes) the local moderator note on a user. */
  setUserNote: z.object({ sourceId, userId, note: z.string().max(2000) }),
  modLog: modLogFilterSchema.extend({ cursor, limit }),
  /** The whole filtered log as CSV (RFC 4180, formula-safe). */
  exportModLog: modLogFilterSchema,
} as const;
