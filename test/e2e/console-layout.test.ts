import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { defaultSettings } from '../../src/shared/settings';
import { chatLine, chatkcRef, createFakeCore, statusOf, twitchRef, type FakeCore } from './fake-core';
import { RENDERER_DIR, SCREENSHOT_DIR, launchChromium, rendererBuilt, watchPage } from './harness';
import { axeViolations, boxOf, clippedElements, horizontalOverflow } from './layout-probes';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
  shown: boolean;
}

const WIDTHS = [360, 480, 1024, 1920] as const;
const HEIGHT = 800;

/** Issue 12 item 3: usable from a 360 px OBS dock to a big screen; screenshots at four widths. */
describe.skipIf(!rendererBuilt())('mod console at any width', () => {
  let fake: FakeCore;
  let server: HeadlessServer;
  let browser: Browser;

  beforeAll(async () => {
    const messages = Array.from({ length: 60 }, (_, i) =>
      chatLine(
        i % 3 ? twitchRef : chatkcRef,
        `viewer${i % 9}`,
        `line ${i}: ${'some chat text '.repeat(1 + (i % 4))}`,
      ),
    );
    fake = createFakeCore({
      messages,
      statuses: [
        statusOf(twitchRef, 'Twitch #chan', [
          'send',
          'reply',
          'delete',
          'timeout',
          'ban',
          'unban',
          'chatModes',
        ]),
        statusOf(chatkcRef, 'ChatKC stream.mattkc.com', ['send', 'delete']),
      ],
    });
    // Configured (one source), so the first-run guide stays away from these screenshots.
    fake.core.handlers.getSettings = async () => ({
      ...defaultSettings(),
      sources: [{ id: twitchRef.sourceId, type: 'twitch', channel: 'chan', anonymous: true, enabled: true }],
    });
    server = await startHeadlessServer({
      core: fake.core,
      port: 0,
      rendererDir: RENDERER_DIR,
      log: silentLogger,
    });
    browser = await launchChromium();
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: HEIGHT }, bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(30_000);
    const { errors } = watchPage(page);
    await page.goto(server.modUrl);
    await page.locator('[data-testid="mod-line"]').first().waitFor();
    return { page, errors };
  }

  const box = (page: Page, selector: string) => page.evaluate<Box | null>(boxOf(selector));

  for (const width of WIDTHS) {
    it(`${width} × ${HEIGHT}: chat and send box fit, nothing cut off; screenshot`, async () => {
      const { page, errors } = await open(width);
      const send = await box(page, '[data-testid="send-input"]');
      const sendButton = await box(page, '[data-action="send"]');
      const chat = await box(page, '[data-testid="chat-list"]');
      expect(send?.shown).toBe(true);
      expect(sendButton!.right).toBeLessThanOrEqual(width);
      expect(sendButton!.bottom).toBeLessThanOrEqual(HEIGHT);
      expect(send!.width).toBeGreaterThanOrEqual(Math.min(200, width / 2));
      // The chat keeps most of the width: the tools panel is a drawer below 900 px, a side column above.
      expect(chat!.width).toBeGreaterThanOrEqual(width < 900 ? width - 2 : width * 0.6);
      expect(chat!.height).toBeGreaterThan(HEIGHT / 2);
      expect(await page.evaluate<number>(horizontalOverflow)).toBeLessThanOrEqual(0);
      expect(await page.evaluate<string[]>(clippedElements)).toEqual([]);
      const side = await box(page, '#side-panel');
      expect(side?.shown ?? false).toBe(width >= 900);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `mod-${width}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('below 900 px the tools open as a drawer over the chat and close with Escape or the backdrop', async () => {
    const { page } = await open(480);
    const toggle = page.getByTestId('panel-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const side = await box(page, '#side-panel');
    expect(side?.shown).toBe(true);
    expect(side!.left).toBeGreaterThanOrEqual(0);
    expect(side!.right).toBeLessThanOrEqual(480);
    await page.locator('[data-tab="health"]').click();
    await page.getByTestId('source-status').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'mod-480-drawer.png') });
    await page.keyboard.press('Escape');
    expect((await box(page, '#side-panel'))?.shown ?? false).toBe(false);
    await toggle.click(); // focus stays on the header button: Escape still closes the drawer
    expect((await box(page, '#side-panel'))?.shown).toBe(true);
    await page.keyboard.press('Escape');
    expect((await box(page, '#side-panel'))?.shown ?? false).toBe(false);
    await toggle.click();
    await page.getByTestId('drawer-backdrop').click({ position: { x: 10, y: 300 } });
    expect((await box(page, '#side-panel'))?.shown ?? false).toBe(false);
    await page.context().close();
  });

  it('above 900 px the panel can be hidden, giving the chat the whole width', async () => {
    const { page } = await open(1024);
    await page.getByTestId('panel-toggle').click();
    expect((await box(page, '#side-panel'))?.shown ?? false).toBe(false);
    expect((await box(page, '[data-testid="chat-list"]'))!.width).toBeGreaterThanOrEqual(1020);
    await page.getByTestId('panel-toggle').click();
    expect((await box(page, '#side-panel'))?.shown).toBe(true);
    await page.context().close();
  });

  it('header, drawer and settings pass axe (no serious or critical violations)', async () => {
    const { page } = await open(480);
    await page.getByTestId('panel-toggle').click();
    await page.locator('[data-tab="settings"]').click();
    await page.getByTestId('settings-panel').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'mod-480-settings.png') });
    await page.addScriptTag({ path: join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
    expect(await page.evaluate<string[]>(axeViolations(['.top-bar', '#side-panel .settings']))).toEqual([]);
    await page.context().close();
  });
});
