import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { ModLogEntry } from '../../../shared/events';
import type { Logger } from '../log/logger';

/** Rotate the log file past this size (the previous one is kept as `.1`). */
const MAX_BYTES = 5 * 1024 * 1024;

interface Waiting {
  line: string;
  settle: (stored: boolean) => void;
}

/**
 * The moderation log survives restarts and crashes: one JSON object per line, appended. `append` resolves only
 * once its line is on disk (written and fsync'd); entries that arrive while a batch is being flushed go out
 * together in the next one, so a burst costs one fsync per batch, not per entry. Unreadable lines are skipped
 * and counted, never fatal.
 */
export class ModLogStore {
  skippedLines = 0;
  private waiting: Waiting[] = [];
  private flushing = false;
  /** Bytes in the current file; null until the first batch looked. */
  private size: number | null = null;

  constructor(
    private readonly path: string,
    private readonly log: Logger,
  ) {}

  async loadRecent(limit: number): Promise<ModLogEntry[]> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch {
      return [];
    }
    const entries: ModLogEntry[] = [];
    for (const line of text.split('\n').slice(-limit - 1)) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as ModLogEntry;
        if (typeof entry.id === 'string' && typeof entry.action === 'string') entries.push(entry);
        else this.skippedLines += 1;
      } catch {
        this.skippedLines += 1;
      }
    }
    return entries.slice(-limit);
  }

  /**
   * Appends in call order. Resolves true once the entry is durable, false when it could not be written (logged;
   * never thrown at the caller: the moderation itself already happened).
   */
  append(entry: ModLogEntry): Promise<boolean> {
    return new Promise((settle) => {
      this.waiting.push({ line: `${JSON.stringify(entry)}\n`, settle });
      if (!this.flushing) void this.flushAll();
    });
  }

  private async flushAll(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      // One turn of the event loop first: the rest of a burst (answers to a batch just flushed) joins this one.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.waiting;
      this.waiting = [];
      const stored = await this.writeBatch(batch.map((w) => w.line).join('')).then(
        () => true,
        (error: unknown) => {
          this.log.error(`could not write ${batch.length} moderation log entries`, error);
          this.size = null; // look at the file again next time
          return false;
        },
      );
      for (const waiter of batch) waiter.settle(stored);
    }
    this.flushing = false;
  }

  private async writeBatch(text: string): Promise<void> {
    const folder = dirname(this.path);
    await fs.mkdir(folder, { recursive: true });
    this.size ??= await fs.stat(this.path).then(
      (s) => s.size,
      () => 0,
    );
    if (this.size > MAX_BYTES) {
      await fs.rename(this.path, `${this.path}.1`);
      this.size = 0;
    }
    const isNew = this.size === 0;
    const handle = await fs.open(this.path, 'a', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    // A new file is only durable once its folder entry is: flush the folder too (not possible on Windows).
    if (isNew) await syncFolder(folder);
    this.size += Buffer.byteLength(text);
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}
