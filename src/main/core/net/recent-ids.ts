/**
 * A bounded set of recently seen ids (insertion-ordered Map; the oldest go first). Twitch IRC: across a
 * RECONNECT the old and new connection deliver the same lines for a moment. Tips: a tip replayed after a
 * reconnect or recovered over REST. Either way the second copy is dropped.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 4096) {}

  /** True when the id is new (and remembers it); false for a repeat. */
  admit(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value as string);
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
