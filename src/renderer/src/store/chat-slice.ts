import type { ChatMessage, ModLogEntry, Removal, Removed } from '../../../shared/events';
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

  /** Marks covered messages removed (new objects, so memoized lines re-render). Views decide how to show it. */
  applyRemoval(removal: Removal): void {
    const removed: Removed = { reason: removal.reason, confirmed: removal.confirmed, at: removal.at };
    const sourceId = removal.source.sourceId;
    const target = removal.target;
    const list = this.messages;
    for (let i = list.length - 1; i >= 0; i--) {
      const message = list[i];
      if (message.source.sourceId !== sourceId) continue;
      if (target.type === 'message') {
        if (message.id !== target.messageId) continue;
        this.mark(i, removed);
        return;
      }
      if (message.removed) continue;
      if (target.type === 'all' || matchesUser(message, target.userId, target.login)) this.mark(i, removed);
    }
  }

  /** An unban/untimeout: that user's banned or timed-out lines say so (shared/unban.ts). */
  applyUnban(entry: ModLogEntry): void {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const removed = this.messages[i].removed;
      if (removed && liftsRemoval(entry, this.messages[i])) this.mark(i, { ...removed, liftedAt: entry.at });
    }
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

function matchesUser(message: ChatMessage, userId?: string, login?: string): boolean {
  if (userId && message.author.id === userId) return true;
  return !!login && message.author.login.toLowerCase() === login.toLowerCase();
}
