import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/**
 * Static files of the built renderer. Only files below `rendererDir` are served; anything that resolves
 * outside it (`..`, encoded slashes, NUL) is refused before the file system is touched.
 */

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export type StaticLookup = { ok: true; file: StaticFile } | { ok: false; status: 400 | 403 | 404 };

/** Maps a URL path under `/assets/` to a file inside `rendererDir`. */
export function resolveAssetPath(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(rendererDir);
  const target = resolve(root, `.${decoded}`);
  if (!target.startsWith(root + sep)) return null;
  return target;
}

export async function readStatic(rendererDir: string, urlPath: string): Promise<StaticLookup> {
  const target = resolveAssetPath(rendererDir, urlPath);
  if (!target) return { ok: false, status: 403 };
  const contentType = CONTENT_TYPES[extname(target).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  try {
    const stat = await fs.stat(target);
    if (!stat.isFile()) return { ok: false, status: 404 };
    return { ok: true, file: { body: await fs.readFile(target), contentType } };
  } catch {
    return { ok: false, status: 404 };
  }
}
