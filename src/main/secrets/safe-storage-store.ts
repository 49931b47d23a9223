import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/providers/twitch/auth/secret-store';
import { writeFileAtomic } from '../core/storage/atomic-write';

/**
 * Secrets encrypted with the OS keychain through Electron `safeStorage` (Keychain, DPAPI, libsecret), kept as
 * base64 in a 0600 file written atomically. Where the OS offers no encryption we never write plain text: the
 * secret lives in memory for this run only (the user logs in again next start), and an older encrypted file
 * is removed, since it now holds an outdated (for Twitch: already used, single-use) token.
 */
export function createSafeStorageStore(path: string): SecretStore {
  let thisRunOnly: string | null = null;
  return {
    async load() {
      if (thisRunOnly !== null || !safeStorage.isEncryptionAvailable()) return thisRunOnly;
      try {
        const text = await fs.readFile(path, 'utf8');
        return safeStorage.decryptString(Buffer.from(text, 'base64'));
      } catch {
        return null;
      }
    },
    async save(data: string) {
      if (!safeStorage.isEncryptionAvailable()) {
        thisRunOnly = data;
        await fs.rm(path, { force: true });
        return;
      }
      thisRunOnly = null;
      await writeFileAtomic(path, safeStorage.encryptString(data).toString('base64'));
    },
    async clear() {
      thisRunOnly = null;
      await fs.rm(path, { force: true });
    },
  };
}
