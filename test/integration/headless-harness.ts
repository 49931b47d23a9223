import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { ModHandlers, ModPush, ModSnapshot } from '../../src/shared/api';
import type { ChatMessage } from '../../src/shared/events';
import { defaultSettings } from '../../src/shared/settings';
import type { OnAirCore, ViewKind } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { deliverTo, modSnapshot } from '../helpers/view-double';
import { emptyCardHandlers } from '../helpers/empty-card';

/** Helpers for the headless server's integration tests: a core double, socket frames, plain GETs. */

/** A core double: records views, answers handlers, lets the test push events to every ready view. */
export function fakeCore() {
  const views: Array<{ kind: ViewKind; deliver: (push: ModPush) => void; ready: boolean }> = [];
  const calls: Array<{ method: string; params: unknown }> = [];
  let browserSourceUrl: string | null = null;
  const ok = async (params: unknown, method: string) => {
    calls.push({ method, params });
    return { ok: true as const, local: false };
  };
  const handlers = {
    act: (p) => ok(p, 'act'),
    send: (p) => ok(p, 'send'),
    getSettings: async () => defaultSettings(),
    updateSettings: (p) => ok(p, 'updateSettings'),
    alertControl: (p) => ok(p, 'alertControl'),
    loginTwitch: (p) => ok(p, 'loginTwitch'),
    cancelLogin: (p) => ok(p, 'cancelLogin'),
    logoutTwitch: (p) => ok(p, 'logoutTwitch'),
    reconnect: async (p) => {
      calls.push({ method: 'reconnect', params: p });
      throw new Error('boom inside the core');
    },
    setSourceToken: (p) => ok(p, 'setSourceToken'),
    // As the real core answers (handlers.ts); only the Electron shell replaces this handler.
    setClickThrough: async (p) => {
      calls.push({ method: 'setClickThrough', params: p });
      return { ok: false, code: 'unsupported', message: 'Only for the desktop overlay window.' };
    },
    getOverlayUrl: async () => ({ url: browserSourceUrl }),
    ...emptyCardHandlers(),
    keepOffStream: (p) => ok(p, 'keepOffStream'),
  } satisfies ModHandlers;
  const snapshot: ModSnapshot = modSnapshot();
  const core: OnAirCore = {
    handlers,
    log: silentLogger,
    settings: () => defaultSettings(),
    setBrowserSourceUrl: (url) => {
      browserSourceUrl = url;
    },
    start: async () => {},
    stop: async () => {},
    attachView: (kind, send) => {
      const view = { kind, deliver: deliverTo(kind, send), ready: false };
      views.push(view);
      return {
        ready: () => {
          view.ready = true;
          view.deliver({ type: 'snapshot', snapshot });
        },
        detach: () => views.splice(views.indexOf(view), 1),
      };
    },
  };
  const publish = (push: ModPush) => views.filter((v) => v.ready).forEach((v) => v.deliver(push));
  return { core, views, calls, publish };
}

export const chat = (id: string, text: string): ChatMessage => ({
  kind: 'chat',
  id,
  source: { sourceId: 'demo', provider: 'demo', channel: 'demo' },
  author: { id: 'u1', login: 'ada', displayName: 'Ada', color: null, badges: [], roles: [] },
  parts: [{ type: 'text', text }],
  text,
  flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
  reply: null,
  serverTime: 1,
  receivedAt: 1,
  targetable: true,
});

/** Collects JSON frames from a socket; `next(pred)` waits for the first matching one. */
export function frames(ws: WebSocket) {
  const seen: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    seen.push(JSON.parse(data.toString()) as Record<string, unknown>);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (pred: (f: Record<string, unknown>) => boolean, ms = 3000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = seen.find(pred);
      if (hit) {
        seen.splice(seen.indexOf(hit), 1);
        return hit;
      }
      if (Date.now() > deadline)
        throw new Error(`no matching frame; saw ${JSON.stringify(seen).slice(0, 300)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return { seen, next };
}

export function open(
  url: string,
  options: WebSocket.ClientOptions & { protocols?: string[] } = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], options);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export function get(
  port: number,
  path: string,
  host = `127.0.0.1:${port}`,
  headers: Record<string, string> = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
