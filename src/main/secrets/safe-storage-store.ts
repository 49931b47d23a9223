import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/providers/twitch/auth/secret-store';
import { writeFileAtomic } from '../core/storage/atomic-write';

/**
 * Secrets encrypted with the OS keychain through Electron `safeStorage` (Keychain, DPAPI, libsecret), kept as
 * base64 in a 0600 file written atomically. Where the OS offers no encryption we do not persist (the user logs
 * in again next start) rather than write plain text from the desktop app.
 */
export function createSafeStorageStore(path: string): SecretStore {
  return {
    async load() {
      try {
        const text = await fs.readFile(path, 'utf8');
        return safeStorage.decryptString(Buffer.from(text, 'base64'));
      } catch {
        return null;
      }
    },
    async save(data: string) {
      if (!safeStorage.isEncryptionAvailable()) return;
      await writeFileAtomic(path, safeStorage.encryptString(data).toString('base64'));
    },
    async clear() {
      await fs.rm(path, { force: true });
    },
  };
}
