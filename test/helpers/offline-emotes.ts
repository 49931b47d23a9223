/**
 * Tests never reach the real emote services: a settings object without its own `emotes` section gets every
 * third-party provider turned off (a Twitch source would otherwise fetch BetterTTV/FFZ/7TV from the internet
 * once its room is known). Tests of emotes set `emotes` and point `endpoints` at test/fakes/emotes.
 */
export const EMOTES_OFF = { bttv: false, ffz: false, seventv: false } as const;

export function withOfflineEmotes<T extends Record<string, unknown>>(settings: T): T {
  return 'emotes' in settings ? settings : { ...settings, emotes: EMOTES_OFF };
}
