import type { ChatMessage, Removal, Removed } from './events';

/**
 * The one removal rule, used by the core's history (hub/chat-history.ts) and by every view's replica
 * (renderer store/chat-slice.ts), so the console, the overlay and a late view's snapshot always agree on
 * which lines a removal hid.
 */

/** Service message ids are unique only within one source: a chat line is known by source + id. */
export const messageKeyOf = (sourceId: string, messageId: string): string => `${sourceId}\u0000${messageId}`;

export const messageKey = (message: { source: { sourceId: string }; id: string }): string =>
  messageKeyOf(message.source.sourceId, message.id);

/** A removal as every view may see it: which lines, why, confirmed or local, when; not who acted or for how long. */
export type LineRemoval = Pick<Removal, 'kind' | 'source' | 'target' | 'reason' | 'confirmed' | 'at'>;

/**
 * Whether `removal` covers `message`. Only lines of the removal's own source, and:
 * - `message`: that line, even when already removed (the newer state wins, e.g. a local hide later confirmed);
 * - `user`: that user's lines not removed yet, matched by user id or by login (case-insensitive: IRC CLEARCHAT
 *   and ChatKC name users by login, EventSub by id);
 * - `all`: every line not removed yet (a clear keeps the earlier, more specific reason).
 */
export function removalCovers(removal: Pick<Removal, 'source' | 'target'>, message: ChatMessage): boolean {
  if (message.source.sourceId !== removal.source.sourceId) return false;
  const target = removal.target;
  if (target.type === 'message') return message.id === target.messageId;
  if (message.removed) return false;
  if (target.type === 'all') return true;
  if (target.userId && message.author.id === target.userId) return true;
  return !!target.login && message.author.login.toLowerCase() === target.login.toLowerCase();
}

/** The mark a covered line gets. */
export const removedMark = (removal: LineRemoval): Removed => ({
  reason: removal.reason,
  confirmed: removal.confirmed,
  at: removal.at,
});
