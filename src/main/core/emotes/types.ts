import type { EmoteImage, EmoteProvider } from '../../../shared/events';

/** One third-party emote as a channel or the global set offers it. */
export interface ThirdPartyEmote {
  provider: EmoteProvider;
  id: string;
  /** The word that shows it (a 7TV channel alias, not the original name). */
  code: string;
  /** Smallest first. */
  images: readonly EmoteImage[];
  aspect?: number;
  animated: boolean;
  zeroWidth: boolean;
}

/** A parsed response: the usable emotes and how many entries were dropped as malformed. */
export interface ParsedSet {
  emotes: ThirdPartyEmote[];
  dropped: number;
  /** The provider's id of this set, when it has live updates (7TV). */
  setId?: string;
}

/** One provider's API: where its sets live and how to read them. */
export interface EmoteApi {
  provider: EmoteProvider;
  /** Human name for notices. */
  label: string;
  globalUrl(base: string): string;
  channelUrl(base: string, twitchId: string): string;
  parseGlobal(body: unknown): ParsedSet;
  parseChannel(body: unknown): ParsedSet;
}

/** Runs `parse` on every entry; entries it rejects (null or a throw) are counted, never fatal. */
export function parseEntries(
  entries: readonly unknown[],
  parse: (entry: unknown) => ThirdPartyEmote | null,
  into: ParsedSet = { emotes: [], dropped: 0 },
): ParsedSet {
  for (const entry of entries) {
    let emote: ThirdPartyEmote | null;
    try {
      emote = parse(entry);
    } catch {
      emote = null;
    }
    if (emote) into.emotes.push(emote);
    else into.dropped += 1;
  }
  return into;
}

/** `//host/path` or `https://host/path` on exactly `host`, as an https URL; anything else gives null. */
export function cdnUrl(url: string, host: string): string | null {
  try {
    const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    return parsed.protocol === 'https:' && parsed.hostname === host && !parsed.port ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Ids and Twitch user ids go into URL paths: only plain word characters. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** An emote code is one word: no spaces, bounded. */
export const SAFE_CODE = /^\S{1,100}$/;

export function aspectOf(width: unknown, height: unknown): number | undefined {
  if (typeof width !== 'number' || typeof height !== 'number') return undefined;
  if (!(width > 0 && height > 0 && width < 10_000 && height < 10_000)) return undefined;
  return Math.round((width / height) * 1000) / 1000;
}
