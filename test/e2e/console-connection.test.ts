import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { SCREENSHOT_DIR, rendererBuilt, startStackWith, watchPage, type Stack } from './harness';
import { EVENTUALLY } from './layout-probes';

/** Records every text a connection line showed, so a state that lasts a second is not missed by polling. */
const recordConnectionLines = `(() => {
  window.__connectionLines = [];
  const seen = () => document.querySelectorAll('[data-testid="connection-line"]').forEach((el) => {
    if (!window.__connectionLines.includes(el.textContent)) window.__connectionLines.push(el.textContent);
  });
  new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

async function openMod(stack: Stack): Promise<{ page: Page; errors: string[] }> {
  const page = await stack.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const { errors } = watchPage(page);
  await page.goto(stack.server.modUrl);
  return { page, errors };
}

/** Issue 12 item 4: a dead connection must not look alive; the reason in plain words where the moderator looks. */
describe.skipIf(!rendererBuilt())('connection state in the chat column', () => {
  describe('Twitch unreachable (DNS failure)', () => {
    let stack: Stack;
    let page: Page;

    beforeAll(async () => {
      // `.invalid` never resolves (RFC 2606): a real DNS failure without touching the network.
      stack = await startStackWith({
        version: 1,
        endpoints: { twitchIrc: 'wss://irc-ws.chat.twitch.invalid:443' },
        sources: [{ id: 'tw', type: 'twitch', channel: 'xqc', anonymous: true }],
      });
      ({ page } = await openMod(stack));
      await mkdir(SCREENSHOT_DIR, { recursive: true });
    });

    afterAll(async () => {
      await stack?.close();
    });

    it('says so in the chat column in plain words, with a countdown and the raw error one click away', async () => {
      const line = page.locator('[data-testid="connection-line"][data-source-id="tw"]');
      // One reading must say both: when the countdown ends the line says "reconnecting now…" without the reason,
      // so two separate reads could straddle that moment on a busy machine.
      await expect
        .poll(() => line.textContent(), { timeout: 20_000 })
        .toMatch(
          /^(?=[\s\S]*Disconnected from Twitch #xqc — retrying in \d+ s)(?=[\s\S]*Can't reach Twitch — check your internet connection)/,
        );
      const raw = line.getByTestId('raw-error');
      expect(await raw.isVisible()).toBe(false);
      await line.locator('summary').click();
      expect(await raw.textContent()).toMatch(/ENOTFOUND|EAI_AGAIN/);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'mod-disconnected.png') });
    });

    it('the header chip says it too, and the empty chat does not pretend all is well', async () => {
      const chip = page.locator('[data-testid="source-chip"][data-source-id="tw"]');
      await expect.poll(() => chip.getAttribute('data-state'), EVENTUALLY).toBe('reconnecting');
      await expect
        .poll(() => chip.getByTestId('chip-state').textContent(), EVENTUALLY)
        .toMatch(/retrying|reconnecting/);
      // The reason is shown while a retry is counted down, not in the moment of reconnecting: wait for it.
      await expect.poll(() => chip.getAttribute('title'), EVENTUALLY).toContain("Can't reach Twitch");
      const empty = await page.getByTestId('chat-empty').textContent();
      expect(empty).not.toContain('No chat yet');
      expect(await page.getByText('No chat yet').count()).toBe(0);
    });

    it('the Health tab shows the plain words as well', async () => {
      await page.locator('[data-tab="health"]').click();
      const health = page.locator('[data-testid="source-status"][data-source-id="tw"]');
      await expect
        .poll(() => health.textContent(), EVENTUALLY)
        .toContain("Can't reach Twitch — check your internet connection");
    });
  });

  describe('a drop and a reconnect (fake Twitch IRC)', () => {
    let irc: FakeTwitchIrc;
    let stack: Stack;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      irc = await startFakeTwitchIrc();
      stack = await startStackWith({
        version: 1,
        endpoints: { twitchIrc: irc.url },
        sources: [{ id: 'tw', type: 'twitch', channel: 'xqcow', anonymous: true }],
      });
      ({ page, errors } = await openMod(stack));
    });

    afterAll(async () => {
      await stack?.close();
      await irc?.stop();
    });

    it('"No chat yet" only once connected', async () => {
      await expect
        .poll(
          () => page.locator('[data-testid="source-chip"][data-source-id="tw"]').getAttribute('data-state'),
          EVENTUALLY,
        )
        .toBe('connected');
      expect(await page.getByTestId('chat-empty').textContent()).toBe('No chat yet.');
      expect(await page.getByTestId('connection-line').count()).toBe(0);
    });

    it('shows the outage while it lasts, then "Reconnected … chat from that time is not shown"', async () => {
      await page.evaluate(recordConnectionLines);
      irc.dropAll();
      const reconnected = page.locator('[data-testid="reconnected-line"][data-source-id="tw"]');
      await expect
        .poll(() => reconnected.textContent(), { timeout: 20_000 })
        .toMatch(/Reconnected to #xqcow after \d+ s offline; chat from that time is not shown/);
      const seen = await page.evaluate<string[]>('window.__connectionLines');
      expect(seen.some((text) => text.startsWith('Disconnected from Twitch #xqcow'))).toBe(true);
      expect(await page.getByTestId('connection-line').count()).toBe(0);
      await reconnected.getByRole('button', { name: 'Dismiss' }).click();
      expect(await reconnected.count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});
