import type { MessagePart, OnAirEvent } from '../../../shared/events';
import { applyEmotes } from './match';
import type { ThirdPartyEmote } from './types';

/**
 * The fields through which an event carries a viewer's words as `MessagePart[]`: chat lines and AutoMod holds
 * (`parts`), alerts (`message`: resub and cheer messages, …). Any event kind that carries parts under one of
 * these names gets emotes without a change here.
 */
const PART_FIELDS = ['parts', 'message'] as const;

/** The event with third-party emotes in every parts field it has; the same object when nothing matched. */
export function withEmotes(event: OnAirEvent, lookup: ReadonlyMap<string, ThirdPartyEmote>): OnAirEvent {
  if (lookup.size === 0) return event;
  let out = event;
  for (const field of PART_FIELDS) {
    const value: unknown = (event as unknown as Record<string, unknown>)[field];
    if (!Array.isArray(value)) continue;
    const parts = applyEmotes(value as MessagePart[], lookup);
    if (parts !== value) out = { ...out, [field]: [...parts] } as OnAirEvent;
  }
  return out;
}

/** The Twitch room an event names itself (ROOMSTATE, PRIVMSG `room-id`), if any. */
export function ownRoomOf(event: OnAirEvent): string | undefined {
  if (event.kind !== 'chat' && event.kind !== 'modes') return undefined;
  return event.extras?.twitch?.roomId || undefined;
}

/** A shared-chat line's source room (`source-room-id`): its words are that channel's emotes. */
export function sharedRoomOf(event: OnAirEvent): string | undefined {
  return event.kind === 'chat' ? event.flags.sharedFrom || undefined : undefined;
}
