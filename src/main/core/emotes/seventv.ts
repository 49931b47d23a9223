import { z } from 'zod';
import {
  SAFE_CODE,
  SAFE_ID,
  aspectOf,
  cdnUrl,
  parseEntries,
  type EmoteApi,
  type ThirdPartyEmote,
} from './types';

/** 7TV API v3 (docs/emotes.md "7TV"). */
const CDN_HOST = 'cdn.7tv.app';
/** The active emote's own `flags` bit 0. (`data.flags & 1` means private, not zero-width.) */
const ZERO_WIDTH = 1;

const file = z.object({ name: z.string(), width: z.number(), height: z.number(), format: z.string() });
const activeEmote = z.object({
  id: z.string().regex(SAFE_ID),
  name: z.string().regex(SAFE_CODE),
  flags: z.number().int().default(0),
  data: z.object({
    animated: z.boolean().default(false),
    host: z.object({ url: z.string(), files: z.array(z.unknown()) }),
  }),
});

/** The WEBP files 1x–4x, smallest first, on 7TV's CDN only. */
function imagesOf(hostUrl: string, files: unknown[]): { url: string; width: number; height: number }[] {
  const images: { url: string; width: number; height: number }[] = [];
  for (const entry of files) {
    const parsed = file.safeParse(entry);
    if (!parsed.success || parsed.data.format !== 'WEBP' || !/^[1-4]x\.webp$/.test(parsed.data.name))
      continue;
    const url = cdnUrl(`${hostUrl}/${parsed.data.name}`, CDN_HOST);
    if (url) images.push({ url, width: parsed.data.width, height: parsed.data.height });
  }
  return images.sort((a, b) => a.width - b.width);
}

/** One 7TV active emote (a set's entry, or an EventAPI change's value); null when unusable. */
export function seventvEmote(entry: unknown): ThirdPartyEmote | null {
  const parsed = activeEmote.safeParse(entry);
  if (!parsed.success) return null;
  const { id, name, flags, data } = parsed.data;
  const images = imagesOf(data.host.url, data.host.files);
  if (images.length === 0) return null;
  return {
    provider: '7tv',
    id,
    code: name,
    images: images.map(({ url, width }) => ({ url, width })),
    aspect: aspectOf(images[0]!.width, images[0]!.height),
    animated: data.animated,
    zeroWidth: (flags & ZERO_WIDTH) !== 0,
  };
}

const setBody = z.object({
  id: z.string().regex(SAFE_ID).optional(),
  emotes: z.array(z.unknown()).nullish(),
});
const userBody = z.object({ emote_set: setBody.nullish() });

export const seventvApi: EmoteApi = {
  provider: '7tv',
  label: '7TV',
  globalUrl: (base) => `${base}/emote-sets/global`,
  channelUrl: (base, twitchId) => `${base}/users/twitch/${twitchId}`,
  parseGlobal: (body) => {
    const parsed = setBody.safeParse(body);
    if (!parsed.success) throw new Error('the global set has no emotes');
    return parseEntries(parsed.data.emotes ?? [], seventvEmote);
  },
  parseChannel: (body) => {
    const parsed = userBody.safeParse(body);
    if (!parsed.success) throw new Error('the user answer is not an object');
    // A linked user without a set answers 200 with `emote_set: null`: no emotes, not an error.
    const set = parseEntries(parsed.data.emote_set?.emotes ?? [], seventvEmote);
    // The set id is what the EventAPI reports changes of (docs/emotes.md "7TV live updates").
    if (parsed.data.emote_set?.id) set.setId = parsed.data.emote_set.id;
    return set;
  },
};
