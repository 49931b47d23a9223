import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ModHandlers, ModPush, ModSnapshot, ViewPush } from '../../src/shared/api';
import type { ChatMessage } from '../../src/shared/events';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import type { OnAirCore, ViewKind } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { deliverTo } from '../helpers/view-double';

/** A core double: records views, answers handlers, lets the test push events to every ready view. */
function fakeCore() {
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
    setClickThrough: (p) => ok(p, 'setClickThrough'),
    getOverlayUrl: async () => ({ url: browserSourceUrl }),
  } satisfies ModHandlers;
  const snapshot: ModSnapshot = {
    messages: [],
    statuses: [],
    notices: [],
    presence: {},
    modes: {},
    automod: [],
    modlog: [],
    alerts: emptyAlertQueueState,
    auth: { provider: 'twitch', status: 'logged-out' },
    overlay: defaultSettings().overlay,
    timeoutPresets: [1, 60],
  };
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

const chat = (id: string, text: string): ChatMessage => ({
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
function frames(ws: WebSocket) {
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

function open(
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

function get(port: number, path: string, host = `127.0.0.1:${port}`) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless server', () => {
  let dir: string;
  let server: HeadlessServer;
  let fake: ReturnType<typeof fakeCore>;
  const sockets: WebSocket[] = [];
  const track = (ws: WebSocket) => (sockets.push(ws), ws);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onair-server-'));
    const rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'overlay.html'), '<!doctype html><title>overlay</title>');
    await writeFile(join(rendererDir, 'mod.html'), '<!doctype html><title>mod</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'do not serve');
    fake = fakeCore();
    server = await startHeadlessServer({ core: fake.core, port: 0, rendererDir, log: silentLogger });
  });

  afterAll(async () => {
    sockets.forEach((ws) => ws.terminate());
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${server.port}`;
  const modOptions = () => ({ origin: origin(), protocols: ['onair-mod.v1', `secret.${server.secret}`] });

  it('puts the secret only in the mod URL fragment', () => {
    expect(server.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.modUrl).toBe(`http://127.0.0.1:${server.port}/mod#secret=${server.secret}`);
    expect(server.overlayUrl).not.toContain(server.secret);
  });

  it('serves pages and assets with security headers and refuses traversal', async () => {
    const page = await get(server.port, '/overlay?fade=30');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await get(server.port, '/mod')).body).toContain('<title>mod</title>');
    const asset = await get(server.port, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of [
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const res = await get(server.port, path);
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('do not serve');
    }
    expect((await get(server.port, '/nope')).status).toBe(404);
    // DNS rebinding: a foreign Host header gets nothing.
    expect((await get(server.port, '/overlay', `evil.example:${server.port}`)).status).toBe(421);
  });

  it('overlay socket: snapshot after ready, then events; requests refused', async () => {
    const ws = track(await open(`ws://127.0.0.1:${server.port}/ws/overlay`, { origin: origin() }));
    const rx = frames(ws);
    ws.send(JSON.stringify({ type: 'ready' }));
    const first = await rx.next((f) => 'push' in f);
    expect((first.push as ViewPush).type).toBe('snapshot');
    fake.publish({ type: 'events', events: [chat('m1', 'hello')] });
    const second = await rx.next((f) => 'push' in f);
    expect(second.push).toMatchObject({ type: 'events', events: [{ id: 'm1', text: 'hello' }] });
    ws.send(
      JSON.stringify({ id: 7, method: 'act', params: { type: 'delete', sourceId: 'demo', messageId: 'm1' } }),
    );
    expect(await rx.next((f) => f.id === 7)).toMatchObject({ error: 'the overlay connection is read-only' });
    expect(fake.calls.filter((c) => c.method === 'act')).toHaveLength(0);
  });

  it('overlay socket refuses a foreign origin', async () => {
    await expect(
      open(`ws://127.0.0.1:${server.port}/ws/overlay`, { origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 403');
  });

  it('mod socket: refused without the secret, with a wrong secret, or from another origin', async () => {
    const url = `ws://127.0.0.1:${server.port}/ws/mod`;
    const before = server.stats.refusedUpgrades;
    await expect(open(url, { origin: origin() })).rejects.toThrow('HTTP 401');
    await expect(
      open(url, { origin: origin(), protocols: ['onair-mod.v1', 'secret.wrong'] }),
    ).rejects.toThrow('HTTP 401');
    await expect(open(url, { ...modOptions(), origin: 'http://127.0.0.1:1' })).rejects.toThrow('HTTP 403');
    await expect(open(url, { ...modOptions(), origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(url, { protocols: modOptions().protocols })).rejects.toThrow('HTTP 403');
    expect(server.stats.refusedUpgrades).toBe(before + 5);
    const ws = track(await open(url, { ...modOptions(), origin: `http://localhost:${server.port}` }));
    expect(ws.protocol).toBe('onair-mod.v1');
  });

  it('mod socket: answers requests, and bad frames with errors, and keeps serving', async () => {
    const ws = track(await open(`ws://127.0.0.1:${server.port}/ws/mod`, modOptions()));
    const rx = frames(ws);
    ws.send(JSON.stringify({ type: 'ready' }));
    await rx.next((f) => 'push' in f);
    const bad = server.stats.badRequests;

    ws.send('{not json');
    expect(await rx.next((f) => f.id === null)).toMatchObject({ error: 'frame is not valid JSON' });
    ws.send(JSON.stringify({ id: 1, method: 'selfDestruct', params: {} }));
    expect(await rx.next((f) => f.id === 1)).toMatchObject({ error: 'unknown method: selfDestruct' });
    ws.send(JSON.stringify({ id: 2, method: '__proto__', params: {} }));
    expect((await rx.next((f) => f.id === 2)).error).toMatch(/unknown method/);
    ws.send(
      JSON.stringify({
        id: 3,
        method: 'act',
        params: { type: 'timeout', sourceId: 'demo', userId: 'u', login: 'x', seconds: -5 },
      }),
    );
    expect((await rx.next((f) => f.id === 3)).error).toMatch(/^bad params for act: seconds/);
    expect(server.stats.badRequests).toBe(bad + 4);

    ws.send(
      JSON.stringify({ id: 4, method: 'act', params: { type: 'delete', sourceId: 'demo', messageId: 'm1' } }),
    );
    expect(await rx.next((f) => f.id === 4)).toMatchObject({ result: { ok: true, local: false } });
    expect(fake.calls.at(-1)).toEqual({
      method: 'act',
      params: { type: 'delete', sourceId: 'demo', messageId: 'm1' },
    });

    ws.send(JSON.stringify({ id: 5, method: 'setClickThrough', params: { enabled: true } }));
    expect(await rx.next((f) => f.id === 5)).toMatchObject({
      result: { ok: false, code: 'unsupported', message: 'Only in the desktop app' },
    });
    ws.send(JSON.stringify({ id: 6, method: 'reconnect', params: { sourceId: 'demo' } }));
    expect((await rx.next((f) => f.id === 6)).error).toMatch(/reconnect failed inside OnAir/);
    ws.send(JSON.stringify({ id: 8, method: 'getSettings' }));
    expect(await rx.next((f) => f.id === 8)).toMatchObject({ result: { version: 1 } });
    // The server told the core where OBS finds the overlay; the console can ask for it.
    ws.send(JSON.stringify({ id: 9, method: 'getOverlayUrl' }));
    expect(await rx.next((f) => f.id === 9)).toMatchObject({ result: { url: server.overlayUrl } });
  });

  it('closes a connection whose frame exceeds the size limit', async () => {
    const ws = track(await open(`ws://127.0.0.1:${server.port}/ws/mod`, modOptions()));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(
      JSON.stringify({ id: 1, method: 'send', params: { sourceId: 'demo', text: 'x'.repeat(200_000) } }),
    );
    expect(await closed).toBe(1009);
    // The server still serves others.
    const again = track(await open(`ws://127.0.0.1:${server.port}/ws/mod`, modOptions()));
    expect(again.readyState).toBe(WebSocket.OPEN);
  });
});
