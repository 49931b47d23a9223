import type { Clock, TimerHandle } from '../../clock';

/**
 * Keeps one socket under the server's flood limit. The real server drops a packet when it and the 9 before
 * it fall within one second, so a packet goes out only once the 9th-last is `windowMs` old (a little over a
 * second, for network jitter). Excess packets wait in order; nothing is dropped.
 */
export class SendPacer {
  private readonly sentAt: number[] = [];
  private readonly queue: string[] = [];
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly write: (text: string) => void,
    private readonly perWindow = 9,
    private readonly windowMs = 1050,
  ) {}

  get depth(): number {
    return this.queue.length;
  }

  push(text: string): void {
    if (this.closed) return;
    this.queue.push(text);
    this.flush();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    if (this.timer) return;
    while (this.queue.length > 0 && !this.closed) {
      const wait = this.waitMs();
      if (wait > 0) {
        this.timer = this.clock.setTimeout(() => {
          this.timer = null;
          this.flush();
        }, wait);
        return;
      }
      this.sentAt.push(this.clock.now());
      if (this.sentAt.length > this.perWindow) this.sentAt.shift();
      this.write(this.queue.shift() as string);
    }
  }

  private waitMs(): number {
    if (this.sentAt.length < this.perWindow) return 0;
    return (this.sentAt[0] ?? 0) + this.windowMs - this.clock.now();
  }
}
