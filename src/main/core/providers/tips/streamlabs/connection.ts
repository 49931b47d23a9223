import { io, type Socket } from 'socket.io-client';
import {
  FatalConnectionError,
  type CloseInfo,
  type ManagedConnection,
} from '../../../net/connection-manager';

export interface StreamlabsConnectOptions {
  url: string;
  token: string;
  /** Every `event` payload, as the Socket.IO client decoded it. */
  onEvent: (payload: unknown) => void;
  timeoutMs?: number;
}

const AUTH_REFUSED = /unauthori[sz]ed|forbidden|invalid token/i;
const OLD_SERVER = /v2\.x/;

/** Why a Socket.IO `connect_error` happened, as an error the connection manager understands. */
function connectFailure(error: Error): Error {
  if (AUTH_REFUSED.test(error.message)) {
    return new FatalConnectionError(
      `Streamlabs refused the Socket API token (${error.message}). Paste the token from Streamlabs → Settings → API Settings → API Tokens.`,
      'login-needed',
    );
  }
  if (OLD_SERVER.test(error.message)) {
    return new FatalConnectionError(`Streamlabs speaks a Socket.IO version OnAir cannot: ${error.message}`);
  }
  return new Error(`could not connect to Streamlabs: ${error.message}`);
}

/**
 * One Socket.IO connection to the Streamlabs Socket API (token in the query, WebSocket transport only). The
 * client's own reconnection is off: the shared ConnectionManager owns retries, backoff and status. Socket.IO's
 * ping/pong finds a dead link; the client then reports `disconnect`, which ends this connection.
 */
export class StreamlabsConnection implements ManagedConnection {
  readonly closed: Promise<CloseInfo>;
  /** Connected, then heard from again (an event or Socket.IO's own keep-alive): tips can be hours apart. */
  readonly established: Promise<void>;
  private finish: (info: CloseInfo) => void = () => {};

  constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => (this.finish = resolve));
    this.established = new Promise((resolve) => {
      socket.once('event', () => resolve());
      socket.io.once('ping', () => resolve());
    });
    socket.on('disconnect', (reason) => {
      // A server-side disconnect is deliberate (Socket.IO itself never retries it): most likely a revoked token.
      if (reason === 'io server disconnect') {
        this.finish({
          reason: 'Streamlabs closed the connection; the Socket API token may have been revoked.',
          retry: false,
        });
      } else this.finish({ reason: `Streamlabs connection lost (${reason})` });
    });
  }

  close(reason: string): void {
    this.socket.disconnect();
    this.finish({ reason });
  }
}

/** Connects and resolves once Socket.IO says `connect` (the server accepted the token). */
export function openStreamlabsConnection(options: StreamlabsConnectOptions): Promise<StreamlabsConnection> {
  return new Promise((resolve, reject) => {
    const socket = io(options.url, {
      transports: ['websocket'],
      query: { token: options.token },
      reconnection: false,
      forceNew: true,
      timeout: options.timeoutMs ?? 10_000,
    });
    socket.on('event', (payload: unknown) => options.onEvent(payload));
    const onError = (error: Error): void => {
      socket.off('connect', onConnect);
      socket.disconnect();
      reject(connectFailure(error));
    };
    const onConnect = (): void => {
      socket.off('connect_error', onError);
      resolve(new StreamlabsConnection(socket));
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
}
