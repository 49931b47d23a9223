import type { RawData, WebSocket } from 'ws';
import type { ViewPush } from '../../shared/api';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import type { ThrottledLog } from '../core/log/throttled-log';
import type { RequestDispatcher } from '../core/requests/dispatch';

/** Counters the server exposes (tests, and the health view). */
export interface ServerStats {
  connections: number;
  refusedUpgrades: number;
  /** Frames answered with an error (bad JSON, unknown method, bad params, requests on the overlay …). */
  badRequests: number;
  /** Frames `ws` refused before we saw them (over 64 KiB, invalid UTF-8 …); each closes its socket. */
  droppedFrames: number;
  /** Requests that passed validation and reached the core. */
  requests: number;
  slowClientsDropped: number;
  /** Unhandled rejections and uncaught exceptions the process survived (0 when no handler is installed). */
  readonly processFaults: number;
}

/** What every connection of one server shares. */
export interface ConnectionContext {
  core: OnAirCore;
  dispatcher: RequestDispatcher;
  stats: ServerStats;
  /** Bad frames, summarised so a client cannot flood the log. */
  badFrames: ThrottledLog;
  log: Logger;
}

/** A view that cannot keep up gets disconnected; on reconnect it starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

type RequestId = string | number;
type Reply = { id: RequestId; result: unknown } | { id: RequestId | null; error: string };

function isRequestId(value: unknown): value is RequestId {
  return (
    (typeof value === 'string' && value.length <= 64) || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Reads a field the client sent, never one inherited from Object.prototype (`constructor`, `__proto__`). */
function ownField(frame: object, name: string): unknown {
  return Object.hasOwn(frame, name) ? (frame as Record<string, unknown>)[name] : undefined;
}

/** A text frame as a JSON object, or why not. */
function parseFrame(data: RawData, isBinary: boolean): object | string {
  if (isBinary) return 'binary frames are not accepted';
  let frame: unknown;
  try {
    frame = JSON.parse(data.toString());
  } catch {
    return 'frame is not valid JSON';
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return 'frame must be a JSON object';
  return frame;
}

/** Sends JSON to the view; a view that stopped reading is closed instead of buffering without end. */
function createSender(
  socket: WebSocket,
  kind: ViewKind,
  context: ConnectionContext,
): (payload: unknown) => void {
  return (payload) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      context.stats.slowClientsDropped += 1;
      context.log.warn(`${kind} view is not keeping up; disconnecting it (it will resync on reconnect)`);
      socket.close(1013, 'too slow');
      return;
    }
    socket.send(JSON.stringify(payload));
  };
}

/** `ws` refused a frame (too big, not UTF-8, bad opcode …) and closes the socket: count it as dropped. */
function socketErrorListener(kind: ViewKind, context: ConnectionContext): (error: Error) => void {
  return (error: Error & { code?: unknown }) => {
    if (typeof error.code !== 'string' || !error.code.startsWith('WS_ERR_')) {
      return context.log.debug(`${kind} socket error`, error);
    }
    context.stats.droppedFrames += 1;
    context.badFrames.note(`${kind}: frame dropped, connection closed: ${error.message}`);
  };
}

/**
 * One browser view on one WebSocket: attaches to the core, forwards pushes, and (mod only) passes requests to
 * the shared dispatcher. Every frame is `unknown` until parsed; nothing a client sends can throw out of here,
 * and every frame it sends is answered (a result or an error) or counted as dropped.
 */
export function serveViewConnection(socket: WebSocket, kind: ViewKind, context: ConnectionContext): void {
  const { stats, log } = context;
  stats.connections += 1;
  const send = createSender(socket, kind, context);
  const attachment = context.core.attachView(kind, (push: ViewPush) => send({ push }));
  let ready = false;

  const reject = (id: RequestId | null, error: string): void => {
    stats.badRequests += 1;
    context.badFrames.note(`${kind}: ${error}`);
    send({ id, error } satisfies Reply);
  };

  const answer = async (id: RequestId, method: unknown, params: unknown): Promise<void> => {
    const outcome = await context.dispatcher.dispatch(method, params);
    // A handler that failed was still a valid request: the client is told, but it is no bad frame.
    if (!outcome.ok && outcome.refusal !== 'failed') return reject(id, outcome.error);
    stats.requests += 1;
    send((outcome.ok ? { id, result: outcome.result } : { id, error: outcome.error }) satisfies Reply);
  };

  const onFrame = (data: RawData, isBinary: boolean): void => {
    const frame = parseFrame(data, isBinary);
    if (typeof frame === 'string') return reject(null, frame);
    if (ownField(frame, 'type') === 'ready') {
      if (!ready) {
        ready = true;
        attachment.ready();
      }
      return;
    }
    const rawId = ownField(frame, 'id');
    const id = isRequestId(rawId) ? rawId : null;
    if (kind === 'overlay') return reject(id, 'the overlay connection is read-only');
    if (id === null) return reject(null, 'request needs an id (string or number, up to 64 characters)');
    answer(id, ownField(frame, 'method'), ownField(frame, 'params')).catch((error: unknown) => {
      log.error('could not answer a request', error);
    });
  };

  socket.on('message', (data, isBinary) => {
    try {
      onFrame(data, isBinary);
    } catch (error) {
      log.error(`${kind} frame handling failed`, error);
    }
  });
  socket.on('close', () => attachment.detach());
  socket.on('error', socketErrorListener(kind, context));
}
