import type { ChatMessage } from '../../../../shared/events';
import { messageKey } from '../../../../shared/removal';
import type { Highlighter } from './highlighter';

/** At most one beep per second, however many highlighted lines a burst brings. */
export const BEEP_GAP_MS = 1000;
/** Lines looked at per update: a flush after a stall does not scan the whole history. */
const SCAN_LIMIT = 500;

/**
 * Whether a line that arrived after `lastKey` (newest first, up to SCAN_LIMIT) matches a rule with a sound.
 * A null `lastKey` is the first look at the list: what was already there never rings.
 */
export function newSoundHit(
  messages: readonly ChatMessage[],
  lastKey: string | null,
  highlighter: Highlighter,
): boolean {
  if (lastKey === null) return false;
  const stop = Math.max(0, messages.length - SCAN_LIMIT);
  for (let i = messages.length - 1; i >= stop; i--) {
    if (messageKey(messages[i]) === lastKey) return false;
    if (highlighter.hit(messages[i])?.sound) return true;
  }
  return false;
}
