/**
 * The two jobs bench/peer.bench.ts compares, each reading `#floodchan` from the stamped fake IRC server:
 * OnAir (the built headless core, out/main/headless.js, in its own process, + Chromium on /overlay) and the
 * peer widget (bench/peer/: tmi.js inside Chromium, nothing else). Each run gets a fresh Chromium, so every
 * Chromium process belongs to the job measured.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/harness';
import { FLOOD_CHANNEL } from './flood-child';
import { childrenNamed } from './proc-cpu';

const ROOT = resolve(import.meta.dirname, '../..');
const PEER_DIR = resolve(ROOT, 'bench/peer');
/** The text effects compared: OnAir's default blurred shadow, or a hard one-pixel outline (four shadows). */
export type TextEffect = 'shadow' | 'outline';
const OUTLINE = '-1px -1px 0 #000, 1px -1px 0 #000, -1px 1px 0 #000, 1px 1px 0 #000';
/** A 1×1 PNG answers every emote image, for both pages alike (the bench runs offline). */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface StampedFlood {
  url: string;
  /** Floods; resolves with each line's send time (index i = line `flood-<firstSeq + i>`). */
  flood(rate: number, seconds: number, firstSeq?: number): Promise<number[]>;
  stop(): void;
}

export async function startStampedFlood(): Promise<StampedFlood> {
  const child = fork(resolve(import.meta.dirname, 'stamped-flood-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((done) => child.once('message', (m: { url: string }) => done(m.url)));
  return {
    url,
    flood: (rate, seconds, firstSeq = 0) =>
      new Promise((done) => {
        const onDone = (m: { type: string; sentAt: number[] }): void => {
          if (m.type !== 'done') return;
          child.off('message', onDone);
          done(m.sentAt);
        };
        child.on('message', onDone);
        child.send({ type: 'flood', rate, seconds, channel: FLOOD_CHANNEL, firstSeq });
      }),
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

/** A job running: its page (chat container `[data-testid="chat"]`) and the pids whose CPU it costs. */
export interface Job {
  page: Page;
  pids(): number[];
  /** The headless core's pid (OnAir), labelled `core` in the CPU breakdown. */
  corePid: number | null;
  close(): Promise<void>;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 480, height: 720 } });
  await page.route('https://static-cdn.jtvnw.net/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: PIXEL, headers: { 'cache-control': 'max-age=3600' } }),
  );
  await page.goto(url);
  await page.waitForSelector('[data-testid="chat"]', { state: 'attached' });
  return page;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`headless core exited (${code}): ${out}`)));
  });
}

/** The built headless core in its own process, and Chromium on its /overlay. */
export async function startOnAir(ircUrl: string, effect: TextEffect, extraCss = ''): Promise<Job> {
  const dir = await mkdtemp(join(tmpdir(), 'onair-peer-'));
  const settings = {
    version: 1,
    endpoints: { twitchIrc: ircUrl },
    sources: [{ id: 'tw', type: 'twitch', channel: FLOOD_CHANNEL, anonymous: true }],
    // The peer widget has no third-party emotes; and a bench never calls the real emote services.
    emotes: { bttv: false, ffz: false, seventv: false },
  };
  await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const core = spawn(
    process.execPath,
    [join(ROOT, 'out/main/headless.js'), '--data', dir, '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const overlayUrl = await waitForLine(core, /Overlay \(OBS browser source\): (\S+)/);
  const browser = await launchChromium();
  const page = await openPage(browser, overlayUrl);
  if (effect === 'outline') await page.addStyleTag({ content: `:root { --onair-text-shadow: ${OUTLINE}; }` });
  if (extraCss) await page.addStyleTag({ content: extraCss }); // a lever switched off or tried (`--onair-css`)
  await new Promise((r) => setTimeout(r, 1500)); // the source joins the fake channel
  return {
    page,
    pids: () => [core.pid as number, ...childrenNamed(process.pid, /chrom/i)],
    corePid: core.pid as number,
    close: async () => {
      await browser.close();
      core.kill();
      await new Promise((r) => core.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let peerServer: Promise<Server> | null = null;

/** Serves bench/peer/ and tmi.js's browser build (bundled from the dev dependency) on 127.0.0.1. */
async function servePeer(): Promise<Server> {
  const bundle = await build({
    entryPoints: [resolve(ROOT, 'node_modules/tmi.js/index.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'tmi',
    minify: true,
    write: false,
  });
  const files = new Map<string, [string, string | Uint8Array]>([
    ['/tmi.js', ['text/javascript', bundle.outputFiles[0].contents]],
  ]);
  for (const [name, type] of [
    ['peer.html', 'text/html'],
    ['peer.css', 'text/css'],
    ['peer-widget.js', 'text/javascript'],
  ])
    files.set(`/${name}`, [type, await readFile(join(PEER_DIR, name))]);
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    res.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  return server;
}

/** The peer widget in Chromium, connected with tmi.js straight to the fake IRC server. */
export async function startPeer(ircUrl: string, effect: TextEffect): Promise<Job> {
  peerServer ??= servePeer();
  const { port } = (await peerServer).address() as AddressInfo;
  const irc = new URL(ircUrl);
  const query = new URLSearchParams({ host: irc.hostname, port: irc.port, channel: FLOOD_CHANNEL, effect });
  const browser = await launchChromium();
  const page = await openPage(browser, `http://127.0.0.1:${port}/peer.html?${query}`);
  await page.waitForSelector('body[data-joined]', { state: 'attached' });
  return {
    page,
    pids: () => childrenNamed(process.pid, /chrom/i),
    corePid: null,
    close: () => browser.close(),
  };
}
