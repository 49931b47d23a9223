import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../../../log/logger';
import { writeFileAtomic } from '../../../storage/atomic-write';

/** Where the Twitch login (a JSON blob holding tokens) is kept between runs. */
export interface SecretStore {
  /** The stored blob, or null when there is none or it cannot be read. Never throws. */
  load(): Promise<string | null>;
  save(data: string): Promise<void>;
  clear(): Promise<void>;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Headless-mode store: a plain file with mode 0600. Writes go to a flushed temp file that is renamed over the
 * target, so a crash mid-write never leaves a half-written (and thus lost) single-use refresh token; a temp file
 * a kill leaves behind is removed at the next start (`removeStaleTempFiles`).
 */
export function createFileSecretStore(path: string, log?: Logger): SecretStore {
  return {
    async load() {
      try {
        const text = await readFile(path, 'utf8');
        return text.length > 0 ? text : null;
      } catch (error) {
        if (!isMissing(error))
          log?.warn(`cannot read the stored Twitch login at ${path}; ignoring it`, error);
        return null;
      }
    },
    async save(data) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, data, 0o600);
    },
    async clear() {
      await rm(path, { force: true });
    },
  };
}

/** In-memory store (tests, and a fallback when nothing can be persisted). */
export function createMemorySecretStore(
  initial: string | null = null,
): SecretStore & { peek(): string | null } {
  let data = initial;
  return {
    peek: () => data,
    load: async () => data,
    save: async (next) => {
      data = next;
    },
    clear: async () => {
      data = null;
    },
  };
}
