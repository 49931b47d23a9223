import type { ModBridge, OverlayPush, Unsubscribe, ViewBridge, ViewPush } from '../../../shared/api';
import { createOverlayWsBridge, createWsBridge, type ConnectionListener } from './ws-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload (ViewBridge for the overlay, ModBridge for the mod window). */
    onair?: ViewBridge<OverlayPush> | ModBridge;
  }
}

export interface ResolvedBridge<B extends ViewBridge<ViewPush>> {
  bridge: B;
  /** 'electron' (preload) or 'browser' (headless server over WebSocket). */
  transport: 'electron' | 'browser';
  /** The WS bridge reports its connection; the preload is always connected. */
  onConnection(listener: ConnectionListener): Unsubscribe;
}

const SECRET_KEY = 'onair.secret';

/**
 * The mod page's secret rides in the URL fragment (`#secret=…`, never sent to a server). It is moved to
 * sessionStorage and wiped from the address bar so it is not shown on stream or kept in history.
 */
export function takeSecret(): string | null {
  const fromUrl =
    new URLSearchParams(location.hash.slice(1)).get('secret') ??
    new URLSearchParams(location.search).get('secret');
  if (fromUrl) {
    try {
      sessionStorage.setItem(SECRET_KEY, fromUrl);
    } catch {
      // storage can be disabled; the secret then lives only in this page
    }
    const query = new URLSearchParams(location.search);
    query.delete('secret');
    const rest = query.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

const alwaysConnected = (listener: ConnectionListener): Unsubscribe => {
  listener(true);
  return () => {};
};

export function resolveViewBridge(): ResolvedBridge<ViewBridge<OverlayPush>> {
  const preload = window.onair;
  if (preload && !('request' in preload)) {
    return { bridge: preload, transport: 'electron', onConnection: alwaysConnected };
  }
  const ws = createOverlayWsBridge();
  return { bridge: ws, transport: 'browser', onConnection: ws.onConnection };
}

export function resolveModBridge(): ResolvedBridge<ModBridge> {
  const preload = window.onair;
  if (preload && 'request' in preload) {
    return { bridge: preload, transport: 'electron', onConnection: alwaysConnected };
  }
  const ws = createWsBridge('mod', takeSecret());
  return { bridge: ws, transport: 'browser', onConnection: ws.onConnection };
}
