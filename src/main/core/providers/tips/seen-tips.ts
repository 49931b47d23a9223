/**
 * The platform ids of tips already shown, so the same tip (replayed after a reconnect, or recovered over REST
 * while the socket also delivers it) is shown once. Bounded: the oldest ids go first.
 */
export class SeenTips {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 5000) {}

  /** True the first time an id is seen; false for a repeat. */
  admit(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
