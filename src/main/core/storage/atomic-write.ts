import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** `<target>.<12 hex>.tmp`: the temp names `writeFileAtomic` uses, and the only ones cleanup removes. */
const TEMP_NAME = /^(.+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Writes a file so that readers see either the old or the new content, never a torn one: write a temp file in
 * the same folder, flush it to disk, then rename over the target.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w', mode);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Removes the temp files a killed `writeFileAtomic` left beside `targets` (e.g. `settings.json.3fa2c19b04de.tmp`).
 * Only that pattern, only for those file names, only in their folders: never anything of the user's. Returns
 * the paths removed; a folder that cannot be read is skipped.
 */
export async function removeStaleTempFiles(targets: string[]): Promise<string[]> {
  const byFolder = new Map<string, Set<string>>();
  for (const target of targets) {
    const names = byFolder.get(dirname(target)) ?? new Set<string>();
    byFolder.set(dirname(target), names.add(basename(target)));
  }
  const removed: string[] = [];
  for (const [folder, names] of byFolder) {
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    for (const entry of entries) {
      const owner = TEMP_NAME.exec(entry)?.[1];
      if (owner === undefined || !names.has(owner)) continue;
      const path = join(folder, entry);
      // unlink, not rm: a folder that happens to carry the name is left alone.
      await fs.unlink(path).then(
        () => removed.push(path),
        () => {},
      );
    }
  }
  return removed;
}
