/**
 * Emote API answers in the shapes of the real captures (docs/emotes.md; /work corpora `emotes-and-tips/`):
 * 7TV v3 active emotes with AVIF+WEBP files 1x–4x, BTTV v3 lists, FFZ v1 sets keyed by set number strings.
 * Ids are ours; names follow the real emotes they imitate.
 */

export interface FakeEmote {
  id: string;
  code: string;
  animated?: boolean;
  zeroWidth?: boolean;
  /** 1x size in px (7TV / FFZ); BTTV omits it unless given. */
  width?: number;
  height?: number;
}

export const SEVENTV = {
  global: [
    { id: '01F6MQ33FG000FFJ97ZB8MWV52', code: 'EZ' },
    { id: '01F6NACCD80006SZ7ZW5FMWKWK', code: 'RainTime', zeroWidth: true, animated: true },
  ] as FakeEmote[],
  channel: [
    { id: '60ae9a57ac03cad60771b2d8', code: 'PagMan' },
    { id: '60ae7316f7c927fad14e6ca2', code: 'catJAM', animated: true },
    { id: '60aed4fe423a803ccae373d3', code: 'WideHardo', width: 96, height: 32 },
  ] as FakeEmote[],
};

export const BTTV = {
  global: [
    { id: '54fa8f1401e468494b85b537', code: ':tf:' },
    { id: '5e76d338d6581c3724c0f0b2', code: 'SantaHat' },
    { id: '5e76d399d6581c3724c0f0b8', code: 'cvMask' },
  ] as FakeEmote[],
  channel: [
    { id: '58a9cde206e70d0465b2b47e', code: 'FeelsDennyMan' },
    { id: '5b007dc718b2f46a14d40242', code: 'lobosSHAKE', animated: true },
  ] as FakeEmote[],
  shared: [
    { id: '55fdff6e7a4f04b172c506c0', code: 'WolfPls', animated: true, width: 21, height: 28 },
  ] as FakeEmote[],
};

export const FFZ = {
  global: [{ id: '28136', code: 'LilZ', width: 32, height: 32 }] as FakeEmote[],
  /** In `sets` but not in `default_sets`: granted to listed users only, never shown to everyone. */
  restricted: [{ id: '9', code: 'SupporterOnly', width: 32, height: 32 }] as FakeEmote[],
  channel: [
    { id: '141505', code: 'Tagmas', width: 32, height: 32 },
    { id: '5233', code: 'HungryTag', width: 32, height: 20 },
    { id: '720507', code: 'ffzDance', animated: true, width: 32, height: 32 },
    { id: '720600', code: 'ffzHalo', zeroWidth: true, width: 32, height: 32 },
  ] as FakeEmote[],
};

const WEBP_AND_AVIF = (emote: FakeEmote) =>
  [1, 2, 3, 4].flatMap((scale) =>
    ['AVIF', 'WEBP'].map((format) => ({
      name: `${scale}x.${format.toLowerCase()}`,
      static_name: `${scale}x_static.${format.toLowerCase()}`,
      width: (emote.width ?? 32) * scale,
      height: (emote.height ?? 32) * scale,
      frame_count: emote.animated ? 2 : 1,
      size: 970 * scale,
      format,
    })),
  );

export function seventvActive(emote: FakeEmote) {
  return {
    id: emote.id,
    name: emote.code,
    flags: emote.zeroWidth ? 1 : 0,
    timestamp: 1672506026185,
    actor_id: '6118facd8efc177ec41f0718',
    data: {
      id: emote.id,
      name: emote.code,
      // 256 rides along on zero-width emotes; bit 1 of data.flags would mean "private".
      flags: emote.zeroWidth ? 256 : 0,
      lifecycle: 3,
      state: ['LISTED'],
      listed: true,
      animated: emote.animated === true,
      host: { url: `//cdn.7tv.app/emote/${emote.id}`, files: WEBP_AND_AVIF(emote) },
    },
  };
}

export function bttvEmote(emote: FakeEmote, owner: 'user' | 'shared' | 'global') {
  const base: Record<string, unknown> = {
    id: emote.id,
    code: emote.code,
    imageType: emote.animated ? 'gif' : 'png',
    animated: emote.animated === true,
  };
  if (emote.width) Object.assign(base, { width: emote.width, height: emote.height });
  if (owner === 'global') return { ...base, userId: '5561169bd6b9d206222a8c19', modifier: false };
  if (owner === 'user') return { ...base, userId: '5575430f9cd396156bd1430c' };
  return {
    ...base,
    user: { id: '5573551240fa91166bb18c67', name: 'bearzly', displayName: 'bearzly', providerId: '23239904' },
  };
}

export function ffzEmoticon(emote: FakeEmote) {
  const urls = (kind: string) =>
    Object.fromEntries(
      ['1', '2', '4'].map((s) => [s, `//cdn.frankerfacez.com/emote/${emote.id}${kind}/${s}`]),
    );
  return {
    id: Number(emote.id),
    name: emote.code,
    height: emote.height ?? 32,
    width: emote.width ?? 32,
    public: true,
    hidden: false,
    modifier: emote.zeroWidth === true,
    modifier_flags: 0,
    offset: null,
    margins: null,
    css: null,
    owner: { _id: 25723, name: 'timloafy', display_name: 'TimLoafy' },
    urls: urls(''),
    ...(emote.animated ? { animated: urls('/animated') } : {}),
    status: 1,
    usage_count: 21,
    created_at: '2016-11-13T21:31:20.008Z',
    last_updated: '2016-11-14T08:14:48.825Z',
  };
}
