import type { ChatMessage, ModLogEntry } from './events';

/** Mod-log actions that end a ban or timeout (ours through OnAir, or another moderator's seen on the service). */
const LIFTING_ACTIONS: ReadonlySet<string> = new Set(['unban', 'untimeout']);

/**
 * Whether `entry` lifts the ban or timeout that removed `message`: a successful unban/untimeout of the line's
 * author in the same source, not older than the removal. The line stays removed (the service deleted it), it
 * just no longer says "banned". Applied to live mod-log events and to a snapshot's mod log alike.
 */
export function liftsRemoval(entry: ModLogEntry, message: ChatMessage): boolean {
  const removed = message.removed;
  if (!removed || removed.liftedAt !== undefined) return false;
  if (removed.reason !== 'ban' && removed.reason !== 'timeout') return false;
  if (!LIFTING_ACTIONS.has(entry.action) || entry.result === 'error') return false;
  if (message.source.sourceId !== entry.sourceId || removed.at > entry.at) return false;
  return entry.target !== '' && message.author.login.toLowerCase() === entry.target.toLowerCase();
}
