import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, MOD_PROTOCOL } from '../../shared/bridge-protocol';
import type { Clock } from '../core/clock';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import type { ProcessFaults } from '../core/log/process-faults';
import { throttledLog, type ThrottledLog } from '../core/log/throttled-log';
import { createRequestDispatcher } from '../core/requests/dispatch';
import { serveAlertRoute } from './alert-routes';
import { createHttpHandler } from './http-handler';
import { SECURITY_HEADERS, createSecret } from './security';
import { decideUpgrade } from './upgrade-gate';
import { serveViewConnection, type ServerStats } from './view-connection';

export interface HeadlessServerOptions {
  core: OnAirCore;
  /** 0 = any free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: '127.0.0.1';
  log: Logger;
  /** The process's fault counter (installed by the entry); its total shows in `stats.processFaults`. */
  faults?: Pick<ProcessFaults, 'total'>;
  /** Paces the log summaries of refused upgrades and bad frames; tests pass a fake clock. */
  clock?: Clock;
  /** At most one summary line per this many ms for each of those (default 10 s). */
  logSummaryEveryMs?: number;
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

const PING_EVERY_MS = 30_000;

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function createStats(faults: HeadlessServerOptions['faults']): ServerStats {
  return {
    connections: 0,
    refusedUpgrades: 0,
    badRequests: 0,
    droppedFrames: 0,
    requests: 0,
    slowClientsDropped: 0,
    get processFaults() {
      return faults?.total() ?? 0;
    },
  };
}

/** Terminates sockets that stopped answering pings. */
function startPinger(wss: WebSocketServer): { watch(ws: WebSocket): void; stop(): void } {
  const alive = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_EVERY_MS);
  timer.unref();
  return {
    watch(ws) {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
    },
    stop: () => clearInterval(timer),
  };
}

/** Listens on loopback; resolves with the port actually bound (for port 0). */
async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  return (server.address() as AddressInfo).port;
}

interface UpgradeWiring {
  wss: WebSocketServer;
  secret: string;
  port: () => number;
  stats: ServerStats;
  refusals: ThrottledLog;
  accept: (ws: WebSocket, kind: ViewKind) => void;
}

/** Refuses (counted, summarised in the log) or accepts each WebSocket upgrade, per `decideUpgrade`. */
function handleUpgrades(server: Server, wiring: UpgradeWiring): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const decision = decideUpgrade(req, wiring.port(), wiring.secret);
    if (!decision.ok) {
      wiring.stats.refusedUpgrades += 1;
      wiring.refusals.note(`${decision.status} ${decision.why}`);
      return refuseUpgrade(socket, decision.status, decision.text);
    }
    wiring.wss.handleUpgrade(req, socket, head, (ws) => wiring.accept(ws, decision.kind));
  });
}

/**
 * Headless mode's HTTP/WS server on loopback: serves the built overlay and mod pages, and bridges them to the
 * core. The overlay socket is read-only; the mod socket needs the per-start secret and our own Origin.
 * Protocol: docs/bridge-protocol.md.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, log } = options;
  const secret = createSecret();
  const stats = createStats(options.faults);
  const throttle = { everyMs: options.logSummaryEveryMs, clock: options.clock };
  const refusals = throttledLog(log, 'refused WebSocket upgrade', throttle);
  const badFrames = throttledLog(log, 'rejected frame', throttle);
  const context = { core, dispatcher: createRequestDispatcher(core.handlers, log), stats, badFrames, log };
  let port = options.port;

  const alertRoutes = { core, log };
  const handleHttp = createHttpHandler(
    options.rendererDir,
    () => port,
    (req, res, path, headers) => serveAlertRoute(req, res, path, headers, alertRoutes),
  );
  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log.error('http handler failed', error);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(MOD_PROTOCOL) ? MOD_PROTOCOL : false),
  });
  const pinger = startPinger(wss);
  const accept = (ws: WebSocket, kind: ViewKind): void => {
    pinger.watch(ws);
    serveViewConnection(ws, kind, { ...context, log: log.child(`ws:${kind}`) });
  };
  handleUpgrades(server, { wss, secret, port: () => port, stats, refusals, accept });

  port = await listen(server, options.port, options.host ?? '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  log.info(`serving the overlay at ${base}/overlay`);
  core.setBrowserSourceUrl(`${base}/overlay`);

  return {
    port,
    overlayUrl: `${base}/overlay`,
    modUrl: `${base}/mod#secret=${secret}`,
    secret,
    stats,
    close: async () => {
      core.setBrowserSourceUrl(null);
      pinger.stop();
      refusals.flush();
      badFrames.flush();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
