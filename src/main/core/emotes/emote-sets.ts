import type { SetChange } from './seventv-events-decode';
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

  /** Live changes to a cached set (7TV EventAPI): removals by emote id, so a rename drops the old name. */
  apply(key: string, changes: readonly SetChange[]): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    const byCode = new Map(entry.emotes);
    for (const change of changes) {
      const goneId = change.op === 'remove' ? change.id : change.op === 'replace' ? change.oldId : null;
      if (goneId !== null) for (const [code, emote] of byCode) if (emote.id === goneId) byCode.delete(code);
      if (change.op !== 'remove') byCode.set(change.emote.code, change.emote);
    }
    this.entries.set(key, { emotes: byCode, fetchedAt: entry.fetchedAt });
    return true;
  }

  /** Due for a fetch now; the emotes stay until it succeeds. */
  expire(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.entries.set(key, { ...entry, fetchedAt: -Infinity });
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
