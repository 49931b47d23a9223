import type { ChatMessage, ModLogEntry, Removed } from '../../../shared/events';
import { removalCovers, removedMark, type LineRemoval } from '../../../shared/removal';
import { liftsRemoval } from '../../../shared/unban';

/**
 * Chat lines of one batch, applied to a working copy: the array is copied at most once per batch, so a burst
 * of 500 lines costs one copy, not 500.
 */
export class ChatWorkingCopy {
  private copied = false;

  constructor(public messages: ChatMessage[]) {}

  get changed(): boolean {
    return this.copied;
  }

  append(message: ChatMessage): void {
    this.ensureCopy();
    this.messages.push(message);
  }

  /**
   * Marks the lines a removal covers (shared/removal.ts) with new objects, so memoized lines re-render.
   * Views decide how to show it.
   */
  applyRemoval(removal: LineRemoval): void {
    const removed = removedMark(removal);
    const single = removal.target.type === 'message';
    for (let i = this.messages.length - 1; i >= 0; i--) {
      if (!removalCovers(removal, this.messages[i])) continue;
      this.mark(i, removed);
      if (single) return; // ids are unique within a source
    }
  }

  /** An unban/untimeout: that user's banned or timed-out lines say so (shared/unban.ts). */
  applyUnban(entry: ModLogEntry): void {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const removed = this.messages[i].removed;
      if (removed && liftsRemoval(entry, this.messages[i])) this.mark(i, { ...removed, liftedAt: entry.at });
    }
  }

  /** Drops every line of a source (the core forgot them: the demo's, once a real source runs). */
  dropSource(sourceId: string): void {
    if (!this.messages.some((message) => message.source.sourceId === sourceId)) return;
    this.messages = this.messages.filter((message) => message.source.sourceId !== sourceId);
    this.copied = true;
  }

  /** Drops the oldest lines beyond `limit`. */
  trim(limit: number): void {
    if (this.messages.length <= limit) return;
    this.messages = this.messages.slice(this.messages.length - limit);
    this.copied = true;
  }

  private mark(index: number, removed: Removed): void {
    this.ensureCopy();
    this.messages[index] = { ...this.messages[index], removed };
  }

  private ensureCopy(): void {
    if (this.copied) return;
    this.messages = this.messages.slice();
    this.copied = true;
  }
}
