import { z } from 'zod';
import {
  SAFE_CODE,
  aspectOf,
  cdnUrl,
  parseEntries,
  type EmoteApi,
  type ParsedSet,
  type ThirdPartyEmote,
} from './types';

/** FrankerFaceZ API v1 (docs/emotes.md "FrankerFaceZ"). */
const CDN_HOST = 'cdn.frankerfacez.com';
/** `modifier_flags` bit 0: the word itself is hidden and only changes the emote before it (not drawn here). */
const HIDDEN_MODIFIER = 1;

const urlMap = z.record(z.string(), z.string());
const ffzEmote = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]),
  name: z.string().regex(SAFE_CODE),
  width: z.number().optional(),
  height: z.number().optional(),
  urls: urlMap,
  animated: urlMap.nullish(),
  modifier: z.boolean().nullish(),
  modifier_flags: z.number().int().nullish(),
});

/** Sizes `1`, `2`, `4` (some emotes have only `1`), on FFZ's CDN only. */
function imagesOf(urls: Record<string, string>, baseWidth: number): ThirdPartyEmote['images'] {
  const images: Array<{ url: string; width: number }> = [];
  for (const scale of [1, 2, 4]) {
    const raw = urls[String(scale)];
    const url = typeof raw === 'string' ? cdnUrl(raw, CDN_HOST) : null;
    if (url) images.push({ url, width: baseWidth * scale });
  }
  return images;
}

function toEmote(entry: unknown): ThirdPartyEmote | null {
  const parsed = ffzEmote.safeParse(entry);
  if (!parsed.success) return null;
  const emote = parsed.data;
  if (emote.modifier && ((emote.modifier_flags ?? 0) & HIDDEN_MODIFIER) !== 0) return null;
  const aspect = aspectOf(emote.width, emote.height);
  const baseWidth = typeof emote.width === 'number' && aspect ? Math.round(emote.width) : 32;
  const animated = emote.animated ? imagesOf(emote.animated, baseWidth) : [];
  const images = animated.length > 0 ? animated : imagesOf(emote.urls, baseWidth);
  if (images.length === 0) return null;
  return {
    provider: 'ffz',
    id: String(emote.id),
    code: emote.name,
    images,
    aspect,
    animated: animated.length > 0,
    zeroWidth: emote.modifier === true,
  };
}

const setsSchema = z.record(
  z.string(),
  z.object({ emoticons: z.array(z.unknown()).default([]) }).passthrough(),
);
const globalBody = z.object({ default_sets: z.array(z.number()), sets: setsSchema });
const roomBody = z.object({ room: z.object({ set: z.number() }).passthrough(), sets: setsSchema });

/** The emoticons of the listed sets (`sets` is keyed by the set number as a string; a Map, never `sets[key]`). */
function emotesOfSets(sets: Record<string, { emoticons: unknown[] }>, ids: number[]): ParsedSet {
  const byId = new Map(Object.entries(sets));
  const into: ParsedSet = { emotes: [], dropped: 0 };
  for (const id of ids) parseEntries(byId.get(String(id))?.emoticons ?? [], toEmote, into);
  return into;
}

export const ffzApi: EmoteApi = {
  provider: 'ffz',
  label: 'FrankerFaceZ',
  globalUrl: (base) => `${base}/set/global`,
  channelUrl: (base, twitchId) => `${base}/room/id/${twitchId}`,
  parseGlobal: (body) => {
    const parsed = globalBody.safeParse(body);
    if (!parsed.success) throw new Error('the global answer has no default sets');
    // `sets` also holds sets granted to listed users only: everyone sees `default_sets`.
    return emotesOfSets(parsed.data.sets, parsed.data.default_sets);
  },
  parseChannel: (body) => {
    const parsed = roomBody.safeParse(body);
    if (!parsed.success) throw new Error('the room answer has no set');
    return emotesOfSets(parsed.data.sets, [parsed.data.room.set]);
  },
};
