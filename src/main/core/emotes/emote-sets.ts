import type { ThirdPartyEmote } from './types';

/** One fetched set (a provider's global set, or its set for one channel) with when it was fetched. */
export interface SetEntry {
  emotes: ReadonlyMap<string, ThirdPartyEmote>;
  fetchedAt: number;
}

/**
 * Emote sets in memory with an expiry: `fresh` says whether a key needs fetching again. A set that fails to
 * refresh keeps its old emotes (stale beats none) until a fetch succeeds.
 */
export class ExpiringSets {
  private readonly entries = new Map<string, SetEntry>();

  constructor(private readonly ttlMs: () => number) {}

  get(key: string): SetEntry | undefined {
    return this.entries.get(key);
  }

  fresh(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && now - entry.fetchedAt < this.ttlMs();
  }

  set(key: string, emotes: readonly ThirdPartyEmote[], now: number): void {
    const byCode = new Map<string, ThirdPartyEmote>();
    for (const emote of emotes) if (!byCode.has(emote.code)) byCode.set(emote.code, emote);
    this.entries.set(key, { emotes: byCode, fetchedAt: now });
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
