import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { chatLine, createFakeCore, statusOf, twitchRef, type FakeCore } from './fake-core';
import { RENDERER_DIR, launchChromium, rendererBuilt, watchPage } from './harness';

/**
 * Flood finding: lines the core numbered (`chatSeq`) but the console never got are announced below the chat,
 * never lost silently (scripted core: the jump in the numbers is what a hub's dropped batch looks like).
 */
describe.skipIf(!rendererBuilt())('mod console: chat lines skipped under a flood', () => {
  let fake: FakeCore;
  let server: HeadlessServer;
  let browser: Browser;
  let page: Page;
  let watch: { errors: string[] };
  const first = chatLine(twitchRef, 'viewer1', 'before the burst');

  beforeAll(async () => {
    fake = createFakeCore({ messages: [], statuses: [statusOf(twitchRef, 'Twitch #chan', [])] });
    server = await startHeadlessServer({
      core: fake.core,
      port: 0,
      rendererDir: RENDERER_DIR,
      log: silentLogger,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    watch = watchPage(page);
    await page.goto(server.modUrl);
    await page.getByTestId('chat-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says nothing while every numbered line arrives', async () => {
    fake.publish({ type: 'events', events: [first], chatSeq: 1 });
    await page.locator(`[data-message-id="${first.id}"]`).waitFor();
    const next = chatLine(twitchRef, 'viewer2', 'still in order');
    fake.publish({ type: 'events', events: [next], chatSeq: 2 });
    await page.locator(`[data-message-id="${next.id}"]`).waitFor();
    expect(await page.getByTestId('chat-skipped').count()).toBe(0);
  });

  it('announces the lines a batch did not carry, and adds up later gaps', async () => {
    const after = chatLine(twitchRef, 'viewer3', 'after the burst');
    fake.publish({ type: 'events', events: [after], chatSeq: 1_203 });
    await page.locator(`[data-message-id="${after.id}"]`).waitFor();
    const bar = page.getByRole('status').filter({ hasText: 'skipped' });
    await expect
      .poll(() => bar.textContent())
      .toBe('1,200 chat lines skipped during a burst or reconnect: not shown here');
    fake.publish({ type: 'events', events: [], chatSeq: 1_204 });
    await expect
      .poll(() => bar.textContent())
      .toBe('1,201 chat lines skipped during a burst or reconnect: not shown here');
    expect(watch.errors).toEqual([]);
  });
});
