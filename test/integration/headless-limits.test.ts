import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { FakeClock } from '../helpers/fake-clock';
import { fakeCore, frames, get, open } from './headless-harness';

/** Hostile frames, the static-file cache and log throttling of the headless server (issue 10 items 1, 10). */
describe('headless server limits', () => {
  let dir: string;
  let rendererDir: string;
  let server: HeadlessServer;
  let fake: ReturnType<typeof fakeCore>;
  const clock = new FakeClock();
  const logged = memorySink();
  const sockets: WebSocket[] = [];
  const track = (ws: WebSocket) => (sockets.push(ws), ws);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onair-limits-'));
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'overlay.html'), '<!doctype html><title>overlay</title>');
    await writeFile(join(rendererDir, 'mod.html'), '<!doctype html><title>mod</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("first build")');
    fake = fakeCore();
    const log = createLogger(logged.sink, 'debug', 'test');
    server = await startHeadlessServer({ core: fake.core, port: 0, rendererDir, log, clock });
  });

  afterAll(async () => {
    sockets.forEach((ws) => ws.terminate());
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const modSocket = async () =>
    track(
      await open(`ws://127.0.0.1:${server.port}/ws/mod`, {
        origin: `http://127.0.0.1:${server.port}`,
        protocols: ['onair-mod.v1', `secret.${server.secret}`],
      }),
    );

  it('answers hostile method and params values with errors, without calling the core', async () => {
    const ws = await modSocket();
    const rx = frames(ws);
    const callsBefore = fake.calls.length;
    const deepArray = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const hostile: Array<[number, string, RegExp]> = [
      [1, '{"id":1,"method":{"toString":1}}', /^unknown method: \(object\)$/],
      [2, '{"id":2,"method":{"valueOf":1,"toString":{"x":1}}}', /^unknown method: \(object\)$/],
      [3, `{"id":3,"method":${deepArray}}`, /^unknown method: \(array\)$/],
      [4, '{"id":4,"method":"constructor"}', /^unknown method: constructor$/],
      [
        5,
        '{"id":5,"method":"act","params":{"__proto__":{"type":"delete","sourceId":"s","messageId":"m"}}}',
        /^bad params for act/,
      ],
      [
        6,
        `{"id":6,"method":"act","params":${deepObject}}`,
        /^bad params for act: nested deeper than 16 levels$/,
      ],
      [7, `{"id":7,"method":"updateSettings","params":{"sources":${deepArray}}}`, /nested deeper/],
      [
        8,
        '{"id":8,"method":"send","params":{"sourceId":"s","text":"x","constructor":{"prototype":1}}}',
        /^$/,
      ],
    ];
    for (const [, frame] of hostile) ws.send(frame);
    for (const [id, , expected] of hostile.slice(0, 7)) {
      expect((await rx.next((f) => f.id === id)).error, `frame ${id}`).toMatch(expected);
    }
    // Unknown keys are stripped by the schema: frame 8 is a valid send, and only it reached the core.
    expect(await rx.next((f) => f.id === 8)).toMatchObject({ result: { ok: true } });
    expect(fake.calls.slice(callsBefore)).toEqual([{ method: 'send', params: { sourceId: 's', text: 'x' } }]);
    ws.send(JSON.stringify({ id: 9, method: 'getOverlayUrl' }));
    expect(await rx.next((f) => f.id === 9)).toMatchObject({ result: { url: server.overlayUrl } });
  });

  it('counts a frame over 64 KiB as dropped (the socket closes with 1009)', async () => {
    const ws = await modSocket();
    const before = server.stats.droppedFrames;
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(`{"id":1,"method":${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}}`);
    expect(await closed).toBe(1009);
    await expect.poll(() => server.stats.droppedFrames).toBe(before + 1);
  });

  it('serves files from memory with an ETag, and answers If-None-Match with 304', async () => {
    const first = await get(server.port, '/assets/app.js');
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    // Read once: a later change on disk is not re-read (the bundles never change while OnAir runs).
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("changed on disk")');
    const again = await get(server.port, '/assets/app.js');
    expect(again.body).toBe('console.log("first build")');
    expect(again.headers.etag).toBe(etag);
    const revalidated = await get(server.port, '/assets/app.js', undefined, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers['content-security-policy']).toContain("script-src 'self'");
    const listed = await get(server.port, '/assets/app.js', undefined, { 'if-none-match': `"x", W/${etag}` });
    expect(listed.status).toBe(304);
    expect((await get(server.port, '/assets/app.js', undefined, { 'if-none-match': '"x"' })).status).toBe(
      200,
    );
    const page = await get(server.port, '/overlay');
    expect(page.headers.etag).toMatch(/^"/);
    expect(
      (await get(server.port, '/overlay', undefined, { 'if-none-match': String(page.headers.etag) })).status,
    ).toBe(304);
  });

  it('logs the first refused upgrade, then at most one summary per 10 s', async () => {
    const refusedLines = () =>
      logged.records.filter((r) => r.message.startsWith('refused WebSocket upgrade'));
    const before = refusedLines().length;
    const attempts = Array.from({ length: 50 }, () => open(`ws://127.0.0.1:${server.port}/ws/nope`));
    const results = await Promise.allSettled(attempts);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(refusedLines().length - before).toBe(1);
    expect(refusedLines().at(-1)?.message).toBe('refused WebSocket upgrade: 404 unknown path');
    clock.advance(10_000);
    expect(refusedLines().length - before).toBe(2);
    expect(refusedLines().at(-1)?.message).toBe(
      'refused WebSocket upgrade: 49 more in the last 10 s (last: 404 unknown path)',
    );
    clock.advance(10_000); // a quiet window: nothing to say, and the next refusal is logged in full again
    expect(refusedLines().length - before).toBe(2);
    await expect(open(`ws://127.0.0.1:${server.port}/ws/mod`)).rejects.toThrow('HTTP 403');
    expect(refusedLines().at(-1)?.message).toBe('refused WebSocket upgrade: 403 origin (none) is not ours');
    expect(server.stats.refusedUpgrades).toBeGreaterThanOrEqual(51);
  });
});
