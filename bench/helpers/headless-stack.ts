/** Shared by the browser benchmarks: the real core + headless server + Chromium, reading the flood channel. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { createCore } from '../../src/main/core/create-core';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { FLOOD_CHANNEL } from './flood-child';

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

export interface HeadlessStack {
  core: OnAirCore;
  server: HeadlessServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The real core reading `#floodchan` from `ircUrl`, the headless server, and Chromium (renderer built first). */
export async function startHeadlessStack(ircUrl: string): Promise<HeadlessStack> {
  const dir = await mkdtemp(join(tmpdir(), 'onair-bench-'));
  const settingsPath = join(dir, 'settings.json');
  await writeFile(
    settingsPath,
    JSON.stringify({
      version: 1,
      endpoints: { twitchIrc: ircUrl },
      sources: [{ id: 'tw', type: 'twitch', channel: FLOOD_CHANNEL, anonymous: true }],
    }),
  );
  const core = await createCore({ settingsPath, dataDir: dir, log: silentLogger });
  await core.start();
  const server = await startHeadlessServer({ core, port: 0, rendererDir: RENDERER_DIR, log: silentLogger });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    core,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await core.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
