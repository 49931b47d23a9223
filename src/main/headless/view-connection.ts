import type { WebSocket } from 'ws';
import { modRequests, type ModMethod, type ModResults, type ViewPush } from '../../shared/api';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';

/** Counters the server exposes (tests, and the health view later). */
export interface ServerStats {
  connections: number;
  refusedUpgrades: number;
  badRequests: number;
  requests: number;
  slowClientsDropped: number;
}

/** A view that cannot keep up gets disconnected; on reconnect it starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

type Reply = { id: string | number; result: unknown } | { id: string | number | null; error: string };

function isRequestId(value: unknown): value is string | number {
  return (
    (typeof value === 'string' && value.length <= 64) || (typeof value === 'number' && Number.isFinite(value))
  );
}

function isModMethod(value: unknown): value is ModMethod {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(modRequests, value);
}

/**
 * One browser view on one WebSocket: attaches to the core, forwards pushes, and (mod only) answers requests.
 * Every frame is `unknown` until parsed; nothing a client sends can throw out of here.
 */
export function serveViewConnection(
  socket: WebSocket,
  kind: ViewKind,
  core: OnAirCore,
  log: Logger,
  stats: ServerStats,
): void {
  stats.connections += 1;
  const send = (payload: unknown): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      stats.slowClientsDropped += 1;
      log.warn(`${kind} view is not keeping up; disconnecting it (it will resync on reconnect)`);
      socket.close(1013, 'too slow');
      return;
    }
    socket.send(JSON.stringify(payload));
  };
  const attachment = core.attachView(kind, (push: ViewPush) => send({ push }));
  let ready = false;

  const reject = (id: string | number | null, error: string): void => {
    stats.badRequests += 1;
    if (stats.badRequests % 100 === 1) log.warn(`rejected ${kind} frame: ${error}`);
    send({ id, error } satisfies Reply);
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return reject(null, 'binary frames are not accepted');
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return reject(null, 'frame is not valid JSON');
    }
    if (typeof frame !== 'object' || frame === null) return reject(null, 'frame must be a JSON object');
    const record = frame as Record<string, unknown>;
    if (record.type === 'ready') {
      if (!ready) {
        ready = true;
        attachment.ready();
      }
      return;
    }
    const id = isRequestId(record.id) ? record.id : null;
    if (kind === 'overlay') return reject(id, 'the overlay connection is read-only');
    if (id === null) return reject(null, 'request needs an id (string or number)');
    void answer(id, record.method, record.params);
  });

  const answer = async (id: string | number, method: unknown, params: unknown): Promise<void> => {
    if (!isModMethod(method)) return reject(id, `unknown method: ${String(method).slice(0, 64)}`);
    const parsed = modRequests[method].safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') || 'params';
      return reject(id, `bad params for ${method}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    stats.requests += 1;
    try {
      const result = await dispatch(method, parsed.data);
      send({ id, result } satisfies Reply);
    } catch (error) {
      log.error(`${method} failed`, error);
      send({ id, error: `${method} failed inside OnAir (see the log)` } satisfies Reply);
    }
  };

  const dispatch = (method: ModMethod, params: unknown): Promise<ModResults[ModMethod]> => {
    if (method === 'setClickThrough') {
      return Promise.resolve({ ok: false, code: 'unsupported', message: 'Only in the desktop app' });
    }
    // `params` was produced by modRequests[method], so it matches the handler's parameter type.
    const handler = core.handlers[method] as (p: unknown) => Promise<ModResults[ModMethod]>;
    return handler(params);
  };

  socket.on('close', () => attachment.detach());
  socket.on('error', (error) => log.debug(`${kind} socket error`, error));
}
