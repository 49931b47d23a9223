import { z } from 'zod';
import { SAFE_CODE, SAFE_ID, aspectOf, parseEntries, type EmoteApi, type ThirdPartyEmote } from './types';

/**
 * BetterTTV API v3 (docs/emotes.md "BetterTTV"). Its data does not mark overlay emotes: clients keep this
 * fixed list of global codes, drawn over the emote before them.
 */
export const BTTV_ZERO_WIDTH = new Set([
  'SoSnowy',
  'IceCold',
  'SantaHat',
  'TopHat',
  'ReinDeer',
  'CandyCane',
  'cvMask',
  'cvHazmat',
]);

const CDN = 'https://cdn.betterttv.net/emote';
/** BTTV's 1x images are 28 px high. */
const BASE_HEIGHT = 28;

const bttvEmote = z.object({
  id: z.string().regex(SAFE_ID),
  code: z.string().regex(SAFE_CODE),
  animated: z.boolean().optional(),
  imageType: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

function toEmote(entry: unknown): ThirdPartyEmote | null {
  const parsed = bttvEmote.safeParse(entry);
  if (!parsed.success) return null;
  const { id, code, width, height } = parsed.data;
  const aspect = aspectOf(width, height);
  const baseWidth = Math.round(BASE_HEIGHT * (aspect ?? 1));
  return {
    provider: 'bttv',
    id,
    code,
    images: [1, 2, 3].map((scale) => ({ url: `${CDN}/${id}/${scale}x`, width: baseWidth * scale })),
    aspect,
    animated: parsed.data.animated === true || parsed.data.imageType === 'gif',
    zeroWidth: BTTV_ZERO_WIDTH.has(code),
  };
}

const channelBody = z.object({
  channelEmotes: z.array(z.unknown()).default([]),
  sharedEmotes: z.array(z.unknown()).default([]),
});

export const bttvApi: EmoteApi = {
  provider: 'bttv',
  label: 'BetterTTV',
  globalUrl: (base) => `${base}/cached/emotes/global`,
  channelUrl: (base, twitchId) => `${base}/cached/users/twitch/${twitchId}`,
  parseGlobal: (body) => {
    if (!Array.isArray(body)) throw new Error('the global emote list is not an array');
    return parseEntries(body, toEmote);
  },
  parseChannel: (body) => {
    const parsed = channelBody.safeParse(body);
    if (!parsed.success) throw new Error('the channel answer has no emote lists');
    const set = parseEntries(parsed.data.channelEmotes, toEmote);
    return parseEntries(parsed.data.sharedEmotes, toEmote, set);
  },
};
