import type { EmoteImage, EmotePart, MessagePart } from '../../../shared/events';
import { safeImageUrl } from './safe';

/** Twitch's v2 CDN: `…/emoticons/v2/{id}/{format}/{theme}/{scale}`, 1.0 = 28 px, 2.0 = 56, 3.0 = 112 (docs/emotes.md). */
const TWITCH_V2 = /^(https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/[^/]+\/[^/]+\/[^/]+\/)1\.0$/;
const TWITCH_SCALES: ReadonlyArray<[string, number]> = [
  ['1.0', 28],
  ['2.0', 56],
  ['3.0', 112],
];

/** Every size of an emote image, smallest first; a Twitch emote's follow from its 1.0 URL. */
export function emoteImages(part: EmotePart): readonly EmoteImage[] {
  if (part.images && part.images.length > 0) return part.images;
  const twitch = TWITCH_V2.exec(part.url);
  if (twitch) return TWITCH_SCALES.map(([scale, width]) => ({ url: twitch[1] + scale, width }));
  return [];
}

/**
 * `srcset` with width descriptors: with `sizes="auto"` (lazy images) the browser picks the file for the
 * rendered width × device pixel ratio, so a 1.6em emote on a 2× screen gets the 2x–4x file, not a scaled 1x.
 */
export function emoteSrcSet(part: EmotePart): string | undefined {
  const entries: string[] = [];
  for (const image of emoteImages(part)) {
    const url = safeImageUrl(image.url);
    // A URL with a space or comma would split the list: such an entry is left out.
    if (url && !/[\s,]/.test(url) && image.width > 0) entries.push(`${url} ${Math.round(image.width)}w`);
  }
  return entries.length > 1 ? entries.join(', ') : undefined;
}

/** Width / height for the reserved box: the service's, or 1 for Twitch (its emotes are square). */
export function emoteAspect(part: EmotePart): number | undefined {
  if (part.aspect !== undefined && part.aspect > 0 && part.aspect < 100) return part.aspect;
  return TWITCH_V2.test(part.url) ? 1 : undefined;
}

/** An emote with the zero-width emotes drawn over it. */
export interface EmoteStack {
  type: 'stack';
  base: EmotePart;
  overlays: EmotePart[];
}

const isSpaces = (part: MessagePart | EmoteStack | undefined): boolean =>
  part?.type === 'text' && /^ *$/.test(part.text);

/**
 * Zero-width emotes attach to the emote just before them (only spaces between): they are drawn over it and
 * the spaces go. One with no emote before it is shown as an ordinary emote.
 */
export function stackEmotes(parts: readonly MessagePart[]): Array<MessagePart | EmoteStack> {
  if (!parts.some((part) => part.type === 'emote' && part.zeroWidth)) return [...parts];
  const out: Array<MessagePart | EmoteStack> = [];
  for (const part of parts) {
    if (part.type !== 'emote' || !part.zeroWidth) {
      out.push(part);
      continue;
    }
    const spaces = isSpaces(out.at(-1)) ? 1 : 0;
    const before = out.at(-1 - spaces);
    if (before?.type === 'stack') before.overlays.push(part);
    else if (before?.type === 'emote')
      out[out.length - 1 - spaces] = { type: 'stack', base: before, overlays: [part] };
    else {
      out.push(part);
      continue;
    }
    if (spaces) out.splice(out.length - 1, 1);
  }
  return out;
}
