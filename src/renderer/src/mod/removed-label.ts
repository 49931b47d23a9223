import type { ChatMessage } from '../../../shared/events';
import { lookupTable } from '../../../shared/lookup';

/** A Map: the reason travels through the core and the bridge, and must never find a prototype member. */
const REMOVED_WORDS = lookupTable({
  delete: 'deleted',
  timeout: 'timed out',
  ban: 'banned',
  clear: 'cleared',
  offStream: 'kept off stream',
});

export function removedLabel(message: ChatMessage): string | null {
  const removed = message.removed;
  if (!removed) return null;
  if (removed.liftedAt !== undefined) {
    const lifted = removed.reason === 'ban' ? 'unbanned' : 'timeout lifted';
    return removed.confirmed ? `${lifted} · message stays removed on ${serviceName(message)}` : lifted;
  }
  const what = REMOVED_WORDS.get(removed.reason) ?? 'removed';
  if (removed.reason === 'offStream') return `${what} · still in chat on ${serviceName(message)}`;
  return removed.confirmed
    ? `${what} · removed on ${serviceName(message)}`
    : `${what} · hidden in OnAir only`;
}

function serviceName(message: ChatMessage): string {
  return message.source.provider === 'twitch'
    ? 'Twitch'
    : message.source.provider === 'chatkc'
      ? 'ChatKC'
      : 'the service';
}
