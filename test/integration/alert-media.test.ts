import { mkdtemp, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/shared/settings';
import { silentLogger } from '../../src/main/core/log/logger';
import { listMediaFiles, MAX_MEDIA_BYTES } from '../../src/main/core/alerts/media-folder';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { createFakeCore } from '../e2e/fake-core';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]);
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(60)]);
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(40)]);

describe('alert media folder over the headless server', () => {
  let root: string;
  let folder: string;
  let server: HeadlessServer;
  let mediaFolder = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'onair-media-'));
    folder = join(root, 'media');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await writeFile(join(root, 'secret.png'), PNG);
    await writeFile(join(folder, 'cheer.png'), PNG);
    await writeFile(join(folder, 'bomb.gif'), GIF);
    await writeFile(join(folder, 'horn.ogg'), OGG);
    await writeFile(join(folder, 'big cheer.webm'), WEBM);
    await writeFile(join(folder, 'ding.wav'), WAV);
    await writeFile(join(folder, 'evil.png'), '<svg onload="alert(1)"></svg>');
    await writeFile(join(folder, 'page.gif'), '<!doctype html><script>alert(1)</script>');
    await writeFile(join(folder, 'huge.png'), PNG);
    await truncate(join(folder, 'huge.png'), MAX_MEDIA_BYTES + 1);
    await writeFile(join(folder, '.hidden.png'), PNG);
    await symlink(join(root, 'secret.png'), join(folder, 'link-out.png'));
    await symlink(join(folder, 'cheer.png'), join(folder, 'link-in.png'));
    const fake = createFakeCore();
    const core = {
      ...fake.core,
      settings: () => settingsSchema.parse({ alerts: { mediaFolder } }),
    };
    server = await startHeadlessServer({ core, port: 0, rendererDir: root, log: silentLogger });
  });

  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${server.port}${path}`, init);
  /** Sends the path exactly as written (fetch would normalise `%2E%2E` and `..`). */
  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves nothing while no folder is set', async () => {
    mediaFolder = '';
    expect((await get('/alert-media/cheer.png')).status).toBe(404);
  });

  it('serves files by their content type, with the security headers', async () => {
    mediaFolder = folder;
    const png = await get('/alert-media/cheer.png');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(png.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await get('/alert-media/horn.ogg')).headers.get('content-type')).toBe('audio/ogg');
    expect((await get('/alert-media/ding.wav')).headers.get('content-type')).toBe('audio/wav');
    expect((await get('/alert-media/big%20cheer.webm')).headers.get('content-type')).toBe('video/webm');
    expect((await get('/alert-media/link-in.png')).status).toBe(200);
    const head = await get('/alert-media/bomb.gif', { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(GIF.length)]);
  });

  it('refuses every way out of the folder', async () => {
    mediaFolder = folder;
    for (const path of [
      '/alert-media/..%2Fsecret.png',
      '/alert-media/..%5Csecret.png',
      '/alert-media/sub%2F..%2F..%2Fsecret.png',
      '/alert-media/%2E%2E',
      '/alert-media/cheer.png%00.gif',
      '/alert-media/%E0%A4%A',
      '/alert-media/.hidden.png',
    ]) {
      const res = await raw(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body).not.toContain('PNG');
    }
    // Raw `..` segments (a browser would normalise them away; a script need not).
    expect((await raw('/alert-media/../secret.png')).status).toBe(400);
    expect((await raw('/alert-media/../../secret.png')).status).toBe(400);
    expect((await get('/alert-media/link-out.png')).status).toBe(403);
    expect((await get('/alert-media/sub')).status).toBe(404);
    expect((await get('/alert-media/missing.png')).status).toBe(404);
  });

  it('checks the type by content and caps the size', async () => {
    mediaFolder = folder;
    expect((await get('/alert-media/evil.png')).status).toBe(415);
    expect((await get('/alert-media/page.gif')).status).toBe(415);
    expect((await get('/alert-media/huge.png')).status).toBe(413);
  });

  it('lists only the usable files for the console', async () => {
    const files = await listMediaFiles(folder);
    expect(files.map((file) => [file.name, file.kind])).toEqual([
      ['big cheer.webm', 'video'],
      ['bomb.gif', 'image'],
      ['cheer.png', 'image'],
      ['ding.wav', 'audio'],
      ['horn.ogg', 'audio'],
      ['link-in.png', 'image'],
    ]);
    expect(await listMediaFiles('')).toEqual([]);
    expect(await listMediaFiles(join(root, 'nope'))).toEqual([]);
  });

  it('serves the offline speech engine files from its package, and nothing else from there', async () => {
    const engine = await get('/tts-engine/mespeak.js');
    expect(engine.status).toBe(200);
    expect(engine.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await engine.text()).toContain('meSpeak');
    expect((await get('/tts-engine/voices/en/en-us.json')).status).toBe(200);
    expect((await get('/tts-engine/mespeak_config.json')).status).toBe(200);
    for (const path of [
      '/tts-engine/package.json',
      '/tts-engine/..%2Fpackage.json',
      '/tts-engine/voices/../x.json',
    ])
      expect((await get(path)).status).toBe(404);
  });
});
