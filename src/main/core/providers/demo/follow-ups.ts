import type { FollowUp } from './chat-generator';

interface Pending {
  at: number;
  followUp: FollowUp;
}

/** Follow-ups waiting for their time, kept sorted so the scheduler can wake for the earliest one. */
export class FollowUpQueue {
  private readonly pending: Pending[] = [];

  constructor(private readonly limit = 500) {}

  add(now: number, followUp: FollowUp): void {
    const at = now + followUp.delayMs;
    let index = this.pending.length;
    while (index > 0 && (this.pending[index - 1]?.at ?? 0) > at) index -= 1;
    this.pending.splice(index, 0, { at, followUp });
    // Chat floods can outpace the mods; forget the latest plans rather than grow without bound.
    if (this.pending.length > this.limit) this.pending.pop();
  }

  /** Removes and returns the follow-ups due at or before `now`, with their due times. */
  takeDue(now: number): Pending[] {
    let count = 0;
    while (count < this.pending.length && (this.pending[count]?.at ?? Infinity) <= now) count += 1;
    return this.pending.splice(0, count);
  }

  nextAt(): number | null {
    return this.pending[0]?.at ?? null;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
