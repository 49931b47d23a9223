import type { EmoteApi, ParsedSet } from './types';

export type FetchOutcome = { ok: true; set: ParsedSet } | { ok: false; error: string };

/** Bounded answers: a set of thousands of emotes is a few MB at most. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/**
 * GET one emote set and parse it. A 404 for a channel is "no emotes here" (the channel has no account with
 * the provider), not a failure. Every failure comes back as text, never as a throw.
 */
export async function fetchSet(
  fetchImpl: typeof fetch,
  api: EmoteApi,
  url: string,
  scope: 'global' | 'channel',
): Promise<FetchOutcome> {
  try {
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 404 && scope === 'channel') {
      await response.body?.cancel();
      return { ok: true, set: { emotes: [], dropped: 0 } };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, error: `HTTP ${response.status}` };
    }
    const text = await response.text();
    if (text.length > MAX_BODY_BYTES) return { ok: false, error: 'answer too large' };
    const body: unknown = JSON.parse(text);
    return { ok: true, set: scope === 'global' ? api.parseGlobal(body) : api.parseChannel(body) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
