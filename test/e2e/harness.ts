import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger, type Logger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import type { SourceConfig } from '../../src/shared/settings';
import { countElements } from './page-probes';
import { withOfflineEmotes } from '../helpers/offline-emotes';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
/**
 * Where the e2e run saves its screenshots of both views: test-results/ normally, the README's docs/screenshots/
 * with ONAIR_UPDATE_SCREENSHOTS=1 (so a test run does not rewrite committed images with new timestamps).
 */
export const SCREENSHOT_DIR = resolve(
  import.meta.dirname,
  process.env.ONAIR_UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../test-results/screenshots',
);

export function rendererBuilt(): boolean {
  return existsSync(join(RENDERER_DIR, 'overlay.html')) && existsSync(join(RENDERER_DIR, 'mod.html'));
}

/** `chromiumArgs`: extra flags, e.g. a fake CDN host mapped with `--host-resolver-rules` (test/fakes/badge-cdn.ts). */
export async function launchChromium(chromiumArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...chromiumArgs,
    ],
  });
}

export interface Stack {
  core: OnAirCore;
  server: HeadlessServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The real core (createCore) with the given sources, the headless server, and one Chromium. */
export function startStack(sources: SourceConfig[], overlay: Record<string, unknown> = {}): Promise<Stack> {
  return startStackWith({ version: 1, sources, overlay });
}

/** The real core with a whole settings object (endpoints pointing at fakes, …) and an optional logger. */
export async function startStackWith(
  settings: Record<string, unknown>,
  log: Logger = silentLogger,
  options: { chromiumArgs?: string[] } = {},
): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'onair-e2e-'));
  const settingsPath = join(dir, 'settings.json');
  await writeFile(settingsPath, JSON.stringify(withOfflineEmotes(settings)));
  const { createCore } = await import('../../src/main/core/create-core');
  const core = await createCore({ settingsPath, dataDir: dir, log });
  await core.start();
  const server = await startHeadlessServer({ core, port: 0, rendererDir: RENDERER_DIR, log });
  const browser = await launchChromium(options.chromiumArgs);
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

export interface ServedCore {
  server: HeadlessServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A given core (a scripted double) behind the real headless server, and one Chromium. */
export async function serveCore(core: OnAirCore): Promise<ServedCore> {
  const server = await startHeadlessServer({ core, port: 0, rendererDir: RENDERER_DIR, log: silentLogger });
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export const demoSource = (rate: number, seed = 42, alertEverySeconds = 0): SourceConfig => ({
  id: 'demo',
  type: 'demo',
  enabled: true,
  rate,
  seed,
  alertEverySeconds,
});

/** Elements in the page (what docs/performance.md's DOM budgets count). */
export function elementCount(page: Page): Promise<number> {
  return page.evaluate<number>(countElements);
}

/** Collects uncaught page errors and CSP violations so a test can assert there were none. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { errors };
}
