import type {
  ModBridge,
  ModMethod,
  ModParams,
  ModPush,
  ModResults,
  OverlayPush,
  Unsubscribe,
  ViewBridge,
  ViewKind,
  ViewPush,
} from '../../../shared/api';
import { MOD_PROTOCOL, SECRET_PROTOCOL_PREFIX, VIEW_SOCKET_PATHS } from '../../../shared/bridge-protocol';

/**
 * The browser side of the headless server's WebSocket bridge (docs/bridge-protocol.md). Implements the same
 * ModBridge as the Electron preload. Reconnects with backoff; every (re)connection starts with a fresh
 * snapshot because the page re-sends `ready`.
 */

const REQUEST_TIMEOUT_MS = 30_000;

export type ConnectionListener = (connected: boolean) => void;

export interface WsViewBridge<P extends ViewPush> extends ViewBridge<P> {
  onConnection(listener: ConnectionListener): Unsubscribe;
  close(): void;
}

export type WsBridge = WsViewBridge<ModPush> & ModBridge;

/** The mod console's bridge (`/ws/mod`, needs the secret). */
export function createWsBridge(kind: 'mod', secret: string | null): WsBridge {
  return openWsBridge<ModPush>(kind, secret);
}

/** The overlay's read-only bridge (`/ws/overlay`): it receives overlay pushes only. */
export function createOverlayWsBridge(): WsViewBridge<OverlayPush> {
  return openWsBridge<OverlayPush>('overlay', null);
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

function openWsBridge<P extends ViewPush>(
  kind: ViewKind,
  secret: string | null,
): WsViewBridge<P> & Pick<ModBridge, 'request'> {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${VIEW_SOCKET_PATHS[kind]}`;
  const listeners = new Set<(push: P) => void>();
  const connectionListeners = new Set<ConnectionListener>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | null = null;
  let wantReady = false;
  let nextId = 1;
  let attempt = 0;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setConnected = (connected: boolean): void => {
    for (const listener of connectionListeners) listener(connected);
  };

  const failPending = (why: string): void => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(new Error(why));
      pending.delete(id);
    }
  };

  const connect = (): void => {
    if (closed) return;
    const protocols = kind === 'mod' && secret ? [MOD_PROTOCOL, SECRET_PROTOCOL_PREFIX + secret] : undefined;
    const ws = new WebSocket(url, protocols);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setConnected(true);
      if (wantReady) ws.send(JSON.stringify({ type: 'ready' }));
    };
    ws.onmessage = (event) => handleFrame(event.data);
    ws.onclose = () => {
      if (socket === ws) socket = null;
      setConnected(false);
      failPending('Connection to OnAir lost');
      if (closed) return;
      // 0.5 s, 1 s, 2 s … capped at 10 s, with jitter so many views don't reconnect in lockstep.
      const delay = Math.min(10_000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    };
  };

  const handleFrame = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let frame: { push?: P; id?: number; result?: unknown; error?: string };
    try {
      frame = JSON.parse(data) as typeof frame;
    } catch {
      return;
    }
    if (frame.push) {
      for (const listener of listeners) listener(frame.push);
      return;
    }
    if (typeof frame.id !== 'number') return;
    const entry = pending.get(frame.id);
    if (!entry) return;
    pending.delete(frame.id);
    clearTimeout(entry.timer);
    if (typeof frame.error === 'string') entry.reject(new Error(frame.error));
    else entry.resolve(frame.result);
  };

  connect();

  return {
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready() {
      wantReady = true;
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ready' }));
    },
    request<M extends ModMethod>(method: M, params: ModParams<M>): Promise<ModResults[M]> {
      const ws = socket;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        return Promise.reject(new Error('Not connected to OnAir'));
      }
      const id = nextId++;
      return new Promise<ModResults[M]>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method} timed out`));
        }, REQUEST_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
      failPending('Bridge closed');
    },
  };
}
