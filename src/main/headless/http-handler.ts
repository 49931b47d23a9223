import type { IncomingMessage, ServerResponse } from 'node:http';
import { OBS_PAGE_HEADERS, SECURITY_HEADERS, isOwnHost } from './security';
import { createStaticFiles, etagMatches } from './static-files';

const PAGES: ReadonlyMap<string, string> = new Map([
  ['/overlay', 'overlay.html'],
  ['/mod', 'mod.html'],
  ['/alerts', 'alerts.html'],
]);
/** The pages OBS loads as browser sources: their custom CSS may use web fonts (security.ts). */
const OBS_PAGES: ReadonlySet<string> = new Set(['/overlay', '/alerts']);

/** Routes served before the pages (the alert box's media and TTS engine); true when it answered. */
export type ExtraRoutes = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: Record<string, string>,
) => Promise<boolean>;

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * The HTTP side of the headless server: the pages and their assets, from memory, with ETags
 * (`If-None-Match` → 304). `port()` is read per request because it is known only after listening.
 */
export function createHttpHandler(
  rendererDir: string,
  port: () => number,
  extraRoutes?: ExtraRoutes,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const files = createStaticFiles(rendererDir);
  return async (req, res) => {
    if (!isOwnHost(req.headers.host, port())) return plain(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      return void res.end();
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/') {
      res.writeHead(302, { ...SECURITY_HEADERS, Location: '/overlay' });
      return void res.end();
    }
    if (extraRoutes && (await extraRoutes(req, res, path, { ...SECURITY_HEADERS }))) return;
    const page = PAGES.get(path);
    const lookup = page
      ? await files.lookup(`/${page}`)
      : path.startsWith('/assets/')
        ? await files.lookup(path)
        : ({ ok: false, status: 404 } as const);
    if (!lookup.ok) return plain(res, lookup.status, lookup.status === 403 ? 'Forbidden' : 'Not found');
    const { body, contentType, etag } = lookup.file;
    const base = OBS_PAGES.has(path) ? OBS_PAGE_HEADERS : SECURITY_HEADERS;
    const headers = { ...base, ETag: etag, 'Cache-Control': page ? 'no-store' : 'no-cache' };
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'Content-Type': contentType, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
