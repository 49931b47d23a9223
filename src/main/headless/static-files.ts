import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/**
 * Static files of the built renderer. Only files below `rendererDir` are served; anything that resolves
 * outside it (`..`, encoded slashes, NUL) is refused before the file system is touched. Each file is read
 * once and kept in memory with its ETag: the bundles do not change while OnAir runs, and re-reading the
 * 230 KB bundle per request peaked at ~600 MB RSS under 2,000 concurrent GETs (160 MB from memory; figures
 * in docs/bridge-protocol.md).
 */

export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
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
});

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** A strong validator: a hash of the body, quoted. */
  etag: string;
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

async function loadFile(target: string, contentType: string): Promise<StaticFile | null> {
  try {
    const stat = await fs.stat(target);
    if (!stat.isFile()) return null;
    const body = await fs.readFile(target);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, contentType, etag };
  } catch {
    return null;
  }
}

export interface StaticFiles {
  lookup(urlPath: string): Promise<StaticLookup>;
}

/**
 * Serves files from `rendererDir`, each read at most once. Only files that exist are kept (the built
 * renderer is a handful of files), so requests for made-up paths cannot grow the cache; concurrent first
 * requests share one read.
 */
export function createStaticFiles(rendererDir: string): StaticFiles {
  const loaded = new Map<string, Promise<StaticFile | null>>();
  return {
    async lookup(urlPath) {
      const target = resolveAssetPath(rendererDir, urlPath);
      if (!target) return { ok: false, status: 403 };
      const contentType = CONTENT_TYPES[extname(target).toLowerCase()];
      if (!contentType) return { ok: false, status: 404 };
      let pending = loaded.get(target);
      if (!pending) {
        pending = loadFile(target, contentType);
        loaded.set(target, pending);
      }
      const file = await pending;
      if (!file) {
        loaded.delete(target);
        return { ok: false, status: 404 };
      }
      return { ok: true, file };
    },
  };
}

/** True when an `If-None-Match` header names this ETag (or `*`); weak comparison, as RFC 9110 asks. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const tag = part.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
