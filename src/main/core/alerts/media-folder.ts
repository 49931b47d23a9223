import { promises as fs, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SNIFF_BYTES, sniffMediaType, type MediaKind, type SniffedType } from './media-sniff';

/**
 * The alert media folder: files are addressed by their bare name; anything that could leave the folder
 * (separators, `..`, NUL, symlinks pointing out) is refused, types come from the content and sizes are capped.
 */

export const MAX_MEDIA_BYTES = 25 * 1024 * 1024;
const MAX_LISTED = 500;

export type MediaOpenResult =
  | { ok: true; path: string; size: number; type: SniffedType }
  | { ok: false; status: 400 | 403 | 404 | 413 | 415; reason: string };

export interface MediaFileInfo {
  name: string;
  kind: MediaKind;
  contentType: string;
  size: number;
}

/** A bare file name, as written in the settings: one path segment, not hidden, no control characters. */
export function isPlainMediaName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    !name.startsWith('.') &&
    !/[/\\:\0]/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(name)
  );
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel.length > 0 && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function realInside(folder: string, name: string): Promise<string | null> {
  const root = await fs.realpath(resolve(folder));
  const real = await fs.realpath(join(root, name));
  return inside(root, real) ? real : null;
}

/** Checks one file of the folder; on success the caller streams `path` with `type.contentType`. */
export async function openMediaFile(
  folder: string,
  name: string,
  maxBytes = MAX_MEDIA_BYTES,
): Promise<MediaOpenResult> {
  if (!folder.trim()) return { ok: false, status: 404, reason: 'no media folder is set' };
  if (!isPlainMediaName(name)) return { ok: false, status: 400, reason: 'not a plain file name' };
  let path: string | null;
  let stat: Stats;
  try {
    path = await realInside(folder, name);
    if (!path) return { ok: false, status: 403, reason: 'outside the media folder' };
    stat = await fs.stat(path);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!stat.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  if (stat.size > maxBytes) return { ok: false, status: 413, reason: `larger than ${maxBytes} bytes` };
  const type = sniffMediaType(await readHead(path).catch(() => new Uint8Array()));
  if (!type) return { ok: false, status: 415, reason: 'not an image, video or sound the alert box plays' };
  return { ok: true, path, size: stat.size, type };
}

/** The playable files of the folder, for the console's pickers; unusable files are left out. */
export async function listMediaFiles(folder: string, maxBytes = MAX_MEDIA_BYTES): Promise<MediaFileInfo[]> {
  if (!folder.trim()) return [];
  let names: string[];
  try {
    names = (await fs.readdir(resolve(folder))).filter(isPlainMediaName).sort().slice(0, MAX_LISTED);
  } catch {
    return [];
  }
  const files: MediaFileInfo[] = [];
  for (const name of names) {
    const opened = await openMediaFile(folder, name, maxBytes);
    if (opened.ok)
      files.push({ name, kind: opened.type.kind, contentType: opened.type.contentType, size: opened.size });
  }
  return files;
}
