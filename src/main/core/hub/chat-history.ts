import type { ChatMessage, Removal, Removed } from '../../../shared/events';
import { messageKey, messageKeyOf, removalCovers, removedMark } from '../../../shared/removal';

/**
 * Bounded chat history with an id index. Removals mark messages (views decide whether to hide or strike
 * through). Trimming is amortised: the array may grow to 1.25× the limit before the oldest quarter goes.
 */
export class ChatHistory {
  private messages: ChatMessage[] = [];
  private readonly index = new Map<string, number>();
  private offset = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.messages.length;
  }

  add(message: ChatMessage): boolean {
    const key = messageKey(message);
    if (this.index.has(key)) return false; // same message twice (e.g. overlapping connections)
    this.index.set(key, this.offset + this.messages.length);
    this.messages.push(message);
    if (this.messages.length > this.limit * 1.25) this.trim();
    return true;
  }

  /** Marks the messages a removal covers (shared/removal.ts); returns how many it touched. */
  applyRemoval(removal: Removal): number {
    const removed = removedMark(removal);
    const target = removal.target;
    if (target.type === 'message') {
      // One line: found through the index instead of a scan.
      const at = this.index.get(messageKeyOf(removal.source.sourceId, target.messageId));
      return at === undefined ? 0 : this.mark(at - this.offset, removed);
    }
    let touched = 0;
    for (let i = 0; i < this.messages.length; i++) {
      if (removalCovers(removal, this.messages[i])) touched += this.mark(i, removed);
    }
    return touched;
  }

  /** The message with this id in this source, if still held (the mod log quotes what was deleted). */
  find(sourceId: string, messageId: string): ChatMessage | undefined {
    const at = this.index.get(messageKeyOf(sourceId, messageId));
    return at === undefined ? undefined : this.messages[at - this.offset];
  }

  /** Forgets every line of a source (the demo once a real source runs); returns how many went. */
  dropSource(sourceId: string): number {
    const kept = this.messages.filter((message) => message.source.sourceId !== sourceId);
    const dropped = this.messages.length - kept.length;
    if (dropped === 0) return 0;
    this.messages = kept;
    this.offset = 0;
    this.index.clear();
    kept.forEach((message, position) => this.index.set(messageKey(message), position));
    return dropped;
  }

  list(): ChatMessage[] {
    return this.messages.slice(-this.limit);
  }

  private mark(position: number, removed: Removed): number {
    const message = this.messages[position];
    if (!message) return 0;
    this.messages[position] = { ...message, removed };
    return 1;
  }

  private trim(): void {
    const drop = this.messages.length - this.limit;
    for (const message of this.messages.slice(0, drop)) {
      this.index.delete(messageKey(message));
    }
    this.messages = this.messages.slice(drop);
    this.offset += drop;
  }
}
