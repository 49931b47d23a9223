import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageStore } from '../../src/main/secrets/safe-storage-store';
import { resetElectron, safeStorage } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

const SECRET = JSON.stringify({ accessToken: 'oauth-access-123', refreshToken: 'refresh-456' });

describe('the safeStorage secret store', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    resetElectron();
    dir = await mkdtemp(join(tmpdir(), 'onair-secrets-'));
    path = join(dir, 'twitch-secrets.bin');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips through the OS encryption; the file holds only ciphertext, readable by the user only', async () => {
    await createSafeStorageStore(path).save(SECRET);
    const onDisk = await readFile(path, 'utf8');
    expect(onDisk).not.toContain('oauth-access-123');
    expect(Buffer.from(onDisk, 'base64').toString('utf8')).not.toContain('refresh-456');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    // The next start reads it back.
    expect(await createSafeStorageStore(path).load()).toBe(SECRET);
  });

  it('without OS encryption, never writes plain text: keeps the secret for this run only', async () => {
    safeStorage.available = false;
    const store = createSafeStorageStore(path);
    await store.save(SECRET);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    // This run still works (a ChatKC token set now is used when the source reconnects)…
    expect(await store.load()).toBe(SECRET);
    // …the next start logs in again.
    expect(await createSafeStorageStore(path).load()).toBeNull();
  });

  it('without OS encryption, removes an older encrypted file instead of leaving an outdated token', async () => {
    await createSafeStorageStore(path).save('old login');
    safeStorage.available = false;
    await createSafeStorageStore(path).save(SECRET);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    safeStorage.available = true;
    expect(await createSafeStorageStore(path).load()).toBeNull();
  });

  it('reads a missing, corrupted or foreign file as "no secret", and clear() removes it', async () => {
    const store = createSafeStorageStore(path);
    expect(await store.load()).toBeNull();
    await writeFile(path, 'not base64 ciphertext at all');
    expect(await store.load()).toBeNull();
    await writeFile(path, Buffer.from(SECRET).toString('base64'));
    expect(await store.load()).toBeNull();

    await store.save(SECRET);
    await store.clear();
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.load()).toBeNull();
  });
});
