/** Bounded LRU of recent `metadata.message_id`s: delivery is at-least-once, repeats keep their id. */
export class MessageIdCache {
  private readonly ids = new Map<string, true>();

  constructor(private readonly capacity = 4096) {}

  /** True when the id was seen before (and refreshes it); otherwise remembers it and returns false. */
  seen(id: string): boolean {
    if (this.ids.has(id)) {
      this.ids.delete(id);
      this.ids.set(id, true);
      return true;
    }
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return false;
  }

  get size(): number {
    return this.ids.size;
  }
}
