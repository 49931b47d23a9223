import type { LogSearchQuery, StoredMessage, UserHistoryQuery } from './history-types';
import { decodeRows, type Cell } from './row-cells';
import type { ModActionRow } from './rows';

/**
 * Messages kept when the database is off or cannot be used: a bounded window, lost at quit (the UI says so).
 * 5,000 rows are a few MB; 50,000 grew the core's heap by 38 MB in bench:memory (budget +10 MB).
 */
const MAX_MESSAGES = 5_000;
const MAX_OTHER = 5_000;

const limitOf = (limit: number | undefined): number => Math.min(Math.max(1, limit ?? 100), 500);

/** The in-memory stand-in behind the same calls as the database, so the app keeps working without it. */
export class MemoryHistory {
  private messages: StoredMessage[] = [];
  private mod: ModActionRow[] = [];
  private alerts: number = 0;
  private readonly notes = new Map<string, string>();

  /** Rows in the worker's encoding (row-cells.ts): queued ones, or those a failed worker never committed. */
  writeCells(cells: readonly Cell[]): void {
    decodeRows(cells, {
      message: (m) => {
        this.messages.push(m);
        if (this.messages.length > MAX_MESSAGES * 1.25) this.messages = this.messages.slice(-MAX_MESSAGES);
      },
      mod: (r) => {
        this.mod.push(r);
        if (this.mod.length > MAX_OTHER) this.mod = this.mod.slice(-MAX_OTHER);
      },
      alert: () => (this.alerts += 1),
    });
  }

  userHistory(query: UserHistoryQuery): StoredMessage[] {
    return this.newestWhere(
      (m) => m.userId === query.userId && (query.sourceId === undefined || m.sourceId === query.sourceId),
      limitOf(query.limit),
    );
  }

  searchLog(query: LogSearchQuery): StoredMessage[] {
    const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return this.newestWhere((m) => {
      if (query.sourceId !== undefined && m.sourceId !== query.sourceId) return false;
      const text = m.text.toLowerCase();
      return words.every((w) => text.includes(w));
    }, limitOf(query.limit));
  }

  setNote(key: string, note: string): void {
    if (note) this.notes.set(key, note);
    else this.notes.delete(key);
  }

  note(key: string): string | null {
    return this.notes.get(key) ?? null;
  }

  private newestWhere(keep: (m: StoredMessage) => boolean, limit: number): StoredMessage[] {
    const found: StoredMessage[] = [];
    for (let i = this.messages.length - 1; i >= 0 && found.length < limit; i--)
      if (keep(this.messages[i]!)) found.push(this.messages[i]!);
    return found;
  }
}
