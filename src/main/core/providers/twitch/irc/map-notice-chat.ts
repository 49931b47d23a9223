import type { ChatMessage } from '../../../../../shared/events';
import type { IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import { chatLine, type MapContext } from './map-chat';
import { buildParts } from './message-parts';

/** The viewer's own words at the end of a USERNOTICE (`:tmi.twitch.tv USERNOTICE #chan :words`), or ''. */
export const userNoticeText = (message: IrcMessage): string =>
  message.params.length >= 2 ? message.params[message.params.length - 1] : '';

/**
 * A USERNOTICE that is no alert but carries the viewer's own words (watch streak, ritual, mod anniversary,
 * bits badge tier, social sharing badge, a shared-chat notice …) → a chat line with its author, flagged with
 * Twitch's `system-msg`, so the words reach the overlay and can be moderated like any line (Chatterino shows
 * these the same way: the system text, the message under it). Null without words or without a user.
 */
export function mapNoticeChat(message: IrcMessage, msgId: string, ctx: MapContext): ChatMessage | null {
  const text = userNoticeText(message);
  const login = (message.tag(TAG.login) ?? '').toLowerCase();
  if (!text || !login) return null;
  return chatLine(message, ctx, {
    login,
    text,
    parts: buildParts(text, message.emotes),
    flags: {
      action: false,
      firstMessage: false,
      returningChatter: false,
      highlighted: false,
      notice: { msgId, systemText: message.tag(TAG['system-msg']) ?? '' },
    },
    reply: null,
  });
}
