import type { EmotePart, MessagePart } from '../../../shared/events';
import type { ThirdPartyEmote } from './types';

/** The emote part for a word; one shared `images` array per emote, so messages add no copies. */
export function emotePart(emote: ThirdPartyEmote): EmotePart {
  const part: EmotePart = {
    type: 'emote',
    text: emote.code,
    id: emote.id,
    url: emote.images[0]!.url,
    provider: emote.provider,
    images: emote.images,
    animated: emote.animated,
  };
  if (emote.aspect !== undefined) part.aspect = emote.aspect;
  if (emote.zeroWidth) part.zeroWidth = true;
  return part;
}

/** One text part with its whole words (split on spaces, case-sensitive) that are emotes turned into emote parts. */
function splitText(text: string, lookup: ReadonlyMap<string, ThirdPartyEmote>, out: MessagePart[]): boolean {
  let plain = '';
  let changed = false;
  let pos = 0;
  while (pos <= text.length) {
    let space = text.indexOf(' ', pos);
    if (space < 0) space = text.length;
    const emote = space > pos ? lookup.get(text.slice(pos, space)) : undefined;
    if (emote) {
      if (plain) out.push({ type: 'text', text: plain });
      out.push(emotePart(emote));
      plain = space < text.length ? ' ' : '';
      changed = true;
    } else plain += text.slice(pos, Math.min(space + 1, text.length));
    pos = space + 1;
  }
  if (plain) out.push({ type: 'text', text: plain });
  return changed;
}

/**
 * Third-party emotes in a message's text parts. Links, mentions, cheers and Twitch's own emotes are other
 * parts and stay as they are (Twitch's emotes win). Returns the same array when nothing matched.
 */
export function applyEmotes(
  parts: readonly MessagePart[],
  lookup: ReadonlyMap<string, ThirdPartyEmote>,
): readonly MessagePart[] {
  if (lookup.size === 0) return parts;
  const out: MessagePart[] = [];
  let changed = false;
  for (const part of parts) {
    if (part.type === 'text') changed = splitText(part.text, lookup, out) || changed;
    else out.push(part);
  }
  return changed ? out : parts;
}
