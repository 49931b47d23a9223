import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../../../log/logger';

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
 * Headless-mode store: a plain file with mode 0600. Writes go to a temp file that is renamed over the
 * target, so a crash mid-write never leaves a half-written (and thus lost) single-use refresh token.
 */
export function createFileSecretStore(path: string, log?: Logger): SecretStore {
  let writeCount = 0;
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
      writeCount += 1;
      const temp = `${path}.${process.pid}.${writeCount}.tmp`;
      try {
        await writeFile(temp, data, { mode: 0o600 });
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => {});
        throw error;
      }
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
