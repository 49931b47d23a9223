import { throwawayCertificate } from './throwaway-cert';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pngImage } from '../e2e/alert-media-fixtures';

/** Twitch's image host (docs/protocol-twitch.md §5): badges are `/badges/v1/<uuid>/<1|2|3>` (18/36/72 px). */
export const BADGE_CDN_HOST = 'static-cdn.jtvnw.net';
const SIZES = new Map([
  ['1', 18],
  ['2', 36],
  ['3', 72],
]);

/** A solid square PNG of `size` px, its colour derived from `seed` (each badge looks different). */
export function solidPng(size: number, seed: string): Buffer {
  let hash = 7;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return pngImage(size, size, () => [hash & 0xff, (hash >> 8) & 0xff, (hash >> 16) & 0xff, 255]);
}

export interface FakeBadgeCdn {
  port: number;
  /** Paths requested, in order (e.g. `/badges/v1/<uuid>/1`). */
  requests: string[];
  /** Chromium flags that send `https://static-cdn.jtvnw.net` here and accept the self-signed certificate. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/**
 * A fake `static-cdn.jtvnw.net` over TLS on 127.0.0.1: PNG bytes for the badge paths in `knownUrls` (the
 * fake Helix's), 404 for anything else, as a CDN does for an unknown object.
 */
export async function startFakeBadgeCdn(knownUrls: string[]): Promise<FakeBadgeCdn> {
  const known = new Set(
    knownUrls
      .map((url) => new URL(url))
      .filter((u) => u.host === BADGE_CDN_HOST)
      .map((u) => u.pathname),
  );
  const requests: string[] = [];
  const server = createHttpsServer(throwawayCertificate([BADGE_CDN_HOST]), (req, res) => {
    const path = new URL(req.url ?? '/', `https://${BADGE_CDN_HOST}`).pathname;
    requests.push(path);
    const match = /^\/badges\/v1\/([0-9a-f-]{36})\/([123])$/.exec(path);
    const size = match ? SIZES.get(match[2]!) : undefined;
    if (!match || !size || !known.has(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const png = solidPng(size, match[1]!);
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    chromiumArgs: [
      `--host-resolver-rules=MAP ${BADGE_CDN_HOST} 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
