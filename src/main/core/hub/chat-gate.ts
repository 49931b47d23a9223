import type { ChatMessage, Removal } from '../../../shared/events';
import { messageKey, removalCovers } from '../../../shared/removal';
import type { Clock, TimerHandle } from '../clock';

/**
 * The moderation gate (docs/events.md "Moderation gate"): chat lines whose source delays the overlay wait here
 * until their `gatedUntil`, then go to the overlay unless a removal (any path: our action, another moderator,
 * CLEARMSG/CLEARCHAT, EventSub, ChatKC, AutoMod, "keep off stream") covered them first. The mod console gets
 * them at once; only the overlay waits. Lines without `gatedUntil` never come here (gate 0: no timer at all).
 */
export interface ChatGateCounters {
  held: number;
  released: number;
  keptOff: number;
  /** Lines dropped because more than `limit` waited at once (they would have scrolled away anyway). */
  dropped: number;
}

export class ChatGate {
  readonly counters: ChatGateCounters = { held: 0, released: 0, keptOff: 0, dropped: 0 };
  /** Waiting lines, earliest `gatedUntil` first. */
  private waiting: ChatMessage[] = [];
  private readonly keys = new Set<string>();
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    /** Receives the lines whose time came, in order. */
    private readonly release: (lines: ChatMessage[]) => void,
    private readonly limit: number,
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  /** Holds a line that has a gate; false when it has none (the caller forwards it as usual). */
  hold(message: ChatMessage): boolean {
    if (message.gatedUntil === undefined) return false;
    this.insert(message);
    this.keys.add(messageKey(message));
    this.counters.held += 1;
    if (this.waiting.length > this.limit) this.forget(0, 'dropped');
    this.schedule();
    return true;
  }

  isHeld(message: ChatMessage): boolean {
    return this.keys.size > 0 && this.keys.has(messageKey(message));
  }

  /** Drops the waiting lines a removal covers: they never reach the overlay. */
  applyRemoval(removal: Removal): void {
    const before = this.waiting.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (removalCovers(removal, this.waiting[i] as ChatMessage)) this.forget(i, 'keptOff');
    }
    if (this.waiting.length !== before) this.schedule();
  }

  /** Drops every waiting line of a source (the source stopped: e.g. the demo when a real source starts). */
  dropSource(sourceId: string): void {
    const before = this.waiting.length;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if ((this.waiting[i] as ChatMessage).source.sourceId === sourceId) this.forget(i, 'dropped');
    }
    if (this.waiting.length !== before) this.schedule();
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sorted insertion; lines mostly arrive in `gatedUntil` order, so the search ends at once. */
  private insert(message: ChatMessage): void {
    const at = message.gatedUntil as number;
    let index = this.waiting.length;
    while (index > 0 && ((this.waiting[index - 1] as ChatMessage).gatedUntil as number) > at) index -= 1;
    this.waiting.splice(index, 0, message);
  }

  private forget(index: number, counter: 'keptOff' | 'dropped'): void {
    const [message] = this.waiting.splice(index, 1);
    if (message) this.keys.delete(messageKey(message));
    this.counters[counter] += 1;
  }

  /** One timer, for the earliest waiting line. */
  private schedule(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    const first = this.waiting[0];
    if (!first) return;
    const wait = Math.max(0, (first.gatedUntil as number) - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.releaseDue(), wait);
  }

  private releaseDue(): void {
    this.timer = null;
    const now = this.clock.now();
    let due = 0;
    while (due < this.waiting.length && ((this.waiting[due] as ChatMessage).gatedUntil as number) <= now)
      due += 1;
    const lines = this.waiting.splice(0, due);
    for (const line of lines) this.keys.delete(messageKey(line));
    this.counters.released += lines.length;
    this.schedule();
    if (lines.length > 0) this.release(lines);
  }
}
