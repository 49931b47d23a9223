import type { ModLogEntry } from '../../../shared/events';

/** Entries the log panel filters and the card lists: the newest of the log file, in memory. */
export const ARCHIVE_SIZE = 10_000;

/**
 * The moderation log as the log panel and the user card query it: loaded from `moderation-log.jsonl` at
 * start, then every new entry. Bounded (ARCHIVE_SIZE, trimmed by a quarter at a time).
 */
export class ModLogArchive {
  private items: ModLogEntry[] = [];

  load(entries: readonly ModLogEntry[]): void {
    this.items = entries.slice(-ARCHIVE_SIZE);
  }

  add(entry: ModLogEntry): void {
    this.items.push(entry);
    if (this.items.length > ARCHIVE_SIZE * 1.25) this.items = this.items.slice(-ARCHIVE_SIZE);
  }

  all(): readonly ModLogEntry[] {
    return this.items;
  }
}
