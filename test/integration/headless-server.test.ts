import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ViewPush } from '../../src/shared/api';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { chat, fakeCore, frames, get, open } from './headless-harness';

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

    // No special case in the bridge: the core's own handler answers.
    ws.send(JSON.stringify({ id: 5, method: 'setClickThrough', params: { enabled: true } }));
    expect(await rx.next((f) => f.id === 5)).toMatchObject({
      result: { ok: false, code: 'unsupported', message: 'Only for the desktop overlay window.' },
    });
    expect(fake.calls.at(-1)).toEqual({ method: 'setClickThrough', params: { enabled: true } });
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
