/**
 * What this source has seen of the chat: the highest stored id (sent as `last_message` on reconnect so the
 * server replays exactly what was missed), ids already shown (so a replay never duplicates), and recent
 * messages for reply context.
 */
export class ChatKcHistory {
  private highest = -1;
  private readonly seen = new Set<number>();
  /** Ids at or below this were forgotten from `seen` and count as seen. */
  private floor = -1;
  private readonly recent = new Map<number, { author: string; text: string }>();

  constructor(
    private readonly seenLimit = 10_000,
    private readonly recentLimit = 1000,
  ) {}

  /** `last_message` for the next `hello` (-1 before anything was seen). */
  get lastMessageId(): number {
    return this.highest;
  }

  /** True when this stored id was already shown (a replay overlap). */
  seenBefore(id: number): boolean {
    return id <= this.floor || this.seen.has(id);
  }

  /** Records a stored message; false when it was already shown. */
  remember(id: number, author: string, text: string): boolean {
    if (this.seenBefore(id)) return false;
    this.seen.add(id);
    if (id > this.highest) this.highest = id;
    if (this.seen.size > this.seenLimit) this.forgetOldest();
    this.recent.set(id, { author, text });
    if (this.recent.size > this.recentLimit) this.recent.delete(this.recent.keys().next().value as number);
    return true;
  }

  parent(id: number): { author: string; text: string } | undefined {
    return this.recent.get(id);
  }

  private forgetOldest(): void {
    const sorted = [...this.seen].sort((a, b) => a - b);
    const drop = sorted.slice(0, Math.floor(this.seenLimit / 10));
    for (const id of drop) this.seen.delete(id);
    this.floor = Math.max(this.floor, drop[drop.length - 1] ?? this.floor);
  }
}
