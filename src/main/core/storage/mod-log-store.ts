import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { ModLogEntry } from '../../../shared/events';
import type { Logger } from '../log/logger';

/** Rotate the log file past this size (the previous one is kept as `.1`). */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The moderation log survives restarts: one JSON object per line, appended. Unreadable lines are skipped and
 * counted, never fatal.
 */
export class ModLogStore {
  skippedLines = 0;
  private writes: Promise<void> = Promise.resolve();

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

  /** Appends in order; failures are logged, never thrown at the caller (moderation already happened). */
  append(entry: ModLogEntry): Promise<void> {
    this.writes = this.writes
      .then(() => this.write(entry))
      .catch((error: unknown) => {
        this.log.error('could not write the moderation log', error);
      });
    return this.writes;
  }

  private async write(entry: ModLogEntry): Promise<void> {
    await fs.mkdir(dirname(this.path), { recursive: true });
    const size = await fs.stat(this.path).then(
      (s) => s.size,
      () => 0,
    );
    if (size > MAX_BYTES) await fs.rename(this.path, `${this.path}.1`);
    await fs.appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }
}
