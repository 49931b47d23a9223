import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import {
  MOD_PROTOCOL,
  SECURITY_HEADERS,
  createSecret,
  isOwnHost,
  ownOrigins,
  secretFromProtocols,
  secretMatches,
} from './security';
import { readStatic } from './static-files';
import { serveAlertRoute } from './alert-routes';
import { serveViewConnection, type ServerStats } from './view-connection';

export interface HeadlessServerOptions {
  core: OnAirCore;
  /** 0 = any free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: '127.0.0.1';
  log: Logger;
}

export interface HeadlessServer {
  port: number;
  overlayUrl: string;
  /** Carries the secret in the fragment: never sent in a request line or Referer. */
  modUrl: string;
  secret: string;
  stats: ServerStats;
  close(): Promise<void>;
}

/** Frames above this are refused by `ws` (close 1009); requests are small JSON objects. */
const MAX_FRAME_BYTES = 64 * 1024;
const PING_EVERY_MS = 30_000;

const PAGES: Record<string, string> = {
  '/overlay': 'overlay.html',
  '/mod': 'mod.html',
  '/alerts': 'alerts.html',
};

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Headless mode's HTTP/WS server on loopback: serves the built overlay and mod pages, and bridges them to the
 * core. The overlay socket is read-only; the mod socket needs the per-start secret and our own Origin, so a
 * web page open in the streamer's browser cannot moderate through it. Protocol: docs/bridge-protocol.md.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, rendererDir, log } = options;
  const host = options.host ?? '127.0.0.1';
  const secret = createSecret();
  const stats: ServerStats = {
    connections: 0,
    refusedUpgrades: 0,
    badRequests: 0,
    requests: 0,
    slowClientsDropped: 0,
  };
  let port = options.port;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      log.error('http handler failed', error);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });

  const handleHttp = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = { ...SECURITY_HEADERS };
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Misdirected request\n');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
      return void res.end();
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/') {
      res.writeHead(302, { ...headers, Location: '/overlay' });
      return void res.end();
    }
    if (await serveAlertRoute(req, res, path, headers, { core, log })) return;
    const page = PAGES[path];
    const lookup = page
      ? await readStatic(rendererDir, `/${page}`)
      : path.startsWith('/assets/')
        ? await readStatic(rendererDir, path)
        : ({ ok: false, status: 404 } as const);
    if (!lookup.ok) {
      res.writeHead(lookup.status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(`${lookup.status === 403 ? 'Forbidden' : 'Not found'}\n`);
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': lookup.file.contentType,
      'Content-Length': String(lookup.file.body.length),
      'Cache-Control': page ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : lookup.file.body);
  };

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(MOD_PROTOCOL) ? MOD_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, text: string, why: string): void => {
      stats.refusedUpgrades += 1;
      log.warn(`refused WebSocket ${req.url ?? ''}: ${why}`);
      refuseUpgrade(socket, status, text);
    };
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    const kind: ViewKind | null = path === '/ws/overlay' ? 'overlay' : path === '/ws/mod' ? 'mod' : null;
    if (!kind) return refuse(404, 'Not Found', 'unknown path');
    if (!isOwnHost(req.headers.host, port)) return refuse(421, 'Misdirected Request', 'foreign Host header');
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && ownOrigins(port).includes(origin);
    if (kind === 'mod') {
      if (!sameOrigin) return refuse(403, 'Forbidden', `origin ${origin ?? '(none)'} is not ours`);
      const given = secretFromProtocols(req.headers['sec-websocket-protocol']);
      if (!secretMatches(secret, given)) return refuse(401, 'Unauthorized', 'missing or wrong secret');
    } else if (origin !== undefined && !sameOrigin) {
      // Non-browser clients send no Origin; browsers always do, and only our own pages may read the overlay feed.
      return refuse(403, 'Forbidden', `origin ${origin} is not ours`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      markAlive(ws);
      serveViewConnection(ws, kind, core, log.child(`ws:${kind}`), stats);
    });
  });

  const alive = new WeakSet<WebSocket>();
  const markAlive = (ws: WebSocket): void => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  };
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_EVERY_MS);
  pinger.unref();

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  log.info(`serving the overlay at ${base}/overlay`);
  options.core.setBrowserSourceUrl(`${base}/overlay`);

  return {
    port,
    overlayUrl: `${base}/overlay`,
    modUrl: `${base}/mod#secret=${secret}`,
    secret,
    stats,
    close: async () => {
      options.core.setBrowserSourceUrl(null);
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
