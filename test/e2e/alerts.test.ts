import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AlertControlResult } from '../../src/shared/api';
import { discPng, starPng, toneWav } from './alert-media-fixtures';
import { SCREENSHOT_DIR, rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

/** Records every text the page ever rendered, so a test can prove something was never shown (page source). */
const recordTexts = `(() => {
  const seen = (window.__seen = []);
  new MutationObserver(() => seen.push(document.body ? document.body.innerText : '')).observe(document, {
    subtree: true, childList: true, characterData: true,
  });
})()`;
const seenTexts = `window.__seen.join('\\n')`;
const naturalWidth = (img: { naturalWidth: number }): number => img.naturalWidth;

describe.skipIf(!rendererBuilt())(
  'the /alerts page in Chromium (real core, media folder, offline TTS)',
  () => {
    let stack: Stack;
    let media: string;
    let page: Page;
    let watch: { errors: string[] };

    beforeAll(async () => {
      media = await mkdtemp(join(tmpdir(), 'onair-alert-media-'));
      await writeFile(join(media, 'cheer.png'), discPng(200, [255, 190, 60]));
      await writeFile(join(media, 'big.png'), starPng(220, [190, 90, 255]));
      await writeFile(join(media, 'ding.wav'), toneWav(0.4));
      stack = await startStackWith({
        version: 1,
        sources: [{ id: 'demo', type: 'demo', rate: 0.1, seed: 3, alertEverySeconds: 0 }],
        alerts: {
          durationSeconds: 60,
          mediaFolder: media,
          types: {
            cheer: {
              base: {
                image: 'cheer.png',
                sound: 'ding.wav',
                volume: 0.5,
                template: '{user} cheered {amount} bits!',
              },
              variations: [
                {
                  id: 'big',
                  name: '1,000 bits or more',
                  when: { minAmount: 1000 },
                  image: 'big.png',
                  layout: 'image-beside',
                  enter: 'zoom',
                  template: 'WOW! {user} cheered {amount} bits!',
                },
              ],
            },
          },
          approval: { enabled: true, timeoutSeconds: 0 },
          tts: { enabled: true, engine: 'offline' },
        },
      });
      page = await stack.browser.newPage({ viewport: { width: 800, height: 450 } });
      watch = watchPage(page);
      await page.addInitScript({ content: recordTexts });
      await page.goto(`http://127.0.0.1:${stack.server.port}/alerts`);
      await page.waitForSelector('[data-testid="alerts-page"]');
    }, 60_000);

    afterAll(async () => {
      await stack?.close();
      if (media) await rm(media, { recursive: true, force: true });
    });

    const control = (params: Parameters<Stack['core']['handlers']['alertControl']>[0]) =>
      stack.core.handlers.alertControl(params) as Promise<AlertControlResult>;

    const box = (id: string) => page.locator(`[data-testid="alert-box"][data-alert-id="${id}"]`);

    it('shows an approved image alert, plays its sound and reads the message with the offline engine', async () => {
      const test = await control({ command: 'test', alertType: 'cheer' });
      expect(test).toMatchObject({ placement: 'held' });
      expect(await control({ command: 'decide', alertId: test.alertId!, decision: 'approve' })).toMatchObject(
        {
          ok: true,
        },
      );
      const shown = box(test.alertId!);
      await shown.waitFor({ timeout: 5000 });
      expect(await shown.getAttribute('data-variation')).toBe('');
      expect(await shown.locator('[data-testid="alert-text"]').textContent()).toBe(
        'OnAirTester cheered 100 bits!',
      );
      const image = shown.locator('img[data-testid="alert-media"]');
      await expect.poll(() => image.evaluate(naturalWidth)).toBe(200);
      // The media element reports playback; autoplay works as in OBS.
      await expect
        .poll(() => shown.getAttribute('data-sound-state'), { timeout: 10_000 })
        .toMatch(/playing|ended/);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'alerts-cheer.png') });
      // eSpeak in a worker → WAV → Web Audio: audio of a plausible length for "This is a test cheer!".
      await expect
        .poll(() => shown.getAttribute('data-tts-state'), { timeout: 45_000, interval: 250 })
        .toMatch(/playing|done/);
      expect(await shown.getAttribute('data-tts-engine')).toBe('offline');
      expect(Number(await shown.getAttribute('data-tts-seconds'))).toBeGreaterThan(0.5);
    }, 60_000);

    it('skip plays the exit animation, then the box is gone', async () => {
      const id = (await page.locator('[data-testid="alert-box"]').getAttribute('data-alert-id'))!;
      await control({ command: 'skip' });
      await expect.poll(() => box(id).getAttribute('data-phase')).toBe('exit');
      await box(id).waitFor({ state: 'detached', timeout: 5000 });
    });

    it('a variation matched by amount, approved without its text', async () => {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const test = await control({ command: 'test', alertType: 'cheer', variationId: 'big' });
      await control({ command: 'decide', alertId: test.alertId!, decision: 'approve-without-text' });
      const shown = box(test.alertId!);
      await shown.waitFor({ timeout: 5000 });
      expect(await shown.getAttribute('data-variation')).toBe('big');
      expect(await shown.getAttribute('class')).toContain('onair-ab--image-beside');
      expect(await shown.locator('[data-testid="alert-text"]').textContent()).toBe(
        'WOW! OnAirTester cheered 1,000 bits!',
      );
      expect(await shown.locator('[data-testid="alert-message"]').count()).toBe(0);
      expect(await shown.getAttribute('data-tts-state')).toBe('none');
      const image = shown.locator('img[data-testid="alert-media"]');
      await expect.poll(() => image.evaluate(naturalWidth)).toBe(220);
      await page.waitForTimeout(700); // the entrance animation has ended
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'alerts-cheer-big.png') });
      await control({ command: 'skip' });
      await control({ command: 'skip' });
      await shown.waitFor({ state: 'detached', timeout: 5000 });
    });

    it('a rejected text is never shown nor spoken', async () => {
      const test = await control({ command: 'test', alertType: 'donation' });
      expect(test).toMatchObject({ placement: 'held' });
      await control({ command: 'decide', alertId: test.alertId!, decision: 'reject' });
      // Give a wrongly released alert every chance to appear.
      await page.waitForTimeout(1500);
      expect(await box(test.alertId!).count()).toBe(0);
      const seen = await page.evaluate<string>(seenTexts);
      expect(seen).toContain('WOW!'); // the recorder works
      expect(seen).not.toContain('This is a test donation');
      expect(await page.locator('[data-testid="alert-box"]').count()).toBe(0);
      expect(watch.errors).toEqual([]);
    });

    it('the console: test buttons say queued or shown, approvals, history replay, and a preview per variation', async () => {
      const mod = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
      const modWatch = watchPage(mod);
      await mod.goto(stack.server.modUrl);
      await mod.click('[data-tab="alerts"]');
      const result = (n: number) => mod.locator('[data-testid="alert-test-result"]').nth(n);
      await mod.click('[data-action="alert-test-follow"]');
      await expect.poll(() => result(0).getAttribute('data-placement')).toBe('shown');
      await mod.click('[data-action="alert-test-raid"]');
      await expect.poll(() => result(0).getAttribute('data-placement')).toBe('queued');
      await mod.click('[data-action="alerts-skip"]');
      await expect.poll(() => result(0).getAttribute('data-placement')).toBe('shown');
      expect(await result(1).getAttribute('data-placement')).toBe('done');
      // The skipped follow is in the history; replay puts it first in the queue.
      await mod.locator('[data-testid="alert-history"] [data-action="alerts-replay"]').first().click();
      await expect.poll(() => result(1).getAttribute('data-placement')).toBe('queued');

      await mod.click('[data-action="alert-test-donation"]');
      const approval = mod.locator('[data-testid="alert-approval"][data-status="pending"]');
      await approval.waitFor();
      expect(await approval.textContent()).toContain('This is a test donation');
      await approval.locator('[data-action="alert-reject"]').click();
      await expect.poll(() => result(0).getAttribute('data-placement')).toBe('rejected');

      const big = mod.locator('[data-testid="alert-variation"][data-variation="big"]');
      await big.locator('[data-action="alert-preview"]').click();
      const preview = big.locator('[data-testid="alert-preview"]');
      expect(await preview.getAttribute('data-variation')).toBe('big');
      expect(await preview.textContent()).toContain('WOW! OnAirTester cheered 1,000 bits!');
      await mod.click('[data-action="alert-media-list"]');
      await expect
        .poll(() => mod.textContent('[data-testid="alert-media-files"]'))
        .toBe('big.png (image), cheer.png (image), ding.wav (audio)');
      expect(await page.evaluate<string>(seenTexts)).not.toContain('This is a test donation');
      expect(modWatch.errors).toEqual([]);
      await mod.close();
    }, 30_000);
  },
);
