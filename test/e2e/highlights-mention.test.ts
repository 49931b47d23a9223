import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_MENTION_RULE } from '../../src/shared/highlights';
import { defaultSettings } from '../../src/shared/settings';
import { chatLine, createFakeCore, statusOf, twitchRef, type FakeCore } from './fake-core';
import { serveCore, watchPage, rendererBuilt, type ServedCore } from './harness';
import { runAxe } from './page-probes';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** Counts beeps: the page's AudioContext is replaced by one that records each oscillator started. */
const countBeeps = `(() => {
  window.__beeps = 0;
  const param = { value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {} };
  window.AudioContext = class {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume() { return Promise.resolve(); }
    createOscillator() {
      return { frequency: param, connect: (node) => node, start: () => (window.__beeps += 1), stop() {} };
    }
    createGain() { return { gain: param, connect: (node) => node }; }
  };
})()`;

const rules = [{ ...DEFAULT_MENTION_RULE, sound: true }];

/** Issue 15 item 4: the logged-in user's mentions, first-time and returning chatters, sound, a11y. */
describe.skipIf(!rendererBuilt())('highlights for the logged-in user (scripted core)', () => {
  let fake: FakeCore;
  let served: ServedCore;
  let page: Page;
  let errors: string[];
  const mention = chatLine(twitchRef, 'ada', '@Streamer are you there?');
  const own = chatLine(twitchRef, 'streamer', 'streamer here, hi');
  const near = chatLine(twitchRef, 'bob', 'streamers are great');
  const first = chatLine(twitchRef, 'newbie', 'hello!', {
    flags: { action: false, firstMessage: true, returningChatter: false, highlighted: false },
  });
  const back = chatLine(twitchRef, 'oldfriend', 'I am back', {
    flags: { action: false, firstMessage: false, returningChatter: true, highlighted: false },
  });
  const line = (id: string) => page.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);
  const beeps = () => page.evaluate<number>('window.__beeps');

  beforeAll(async () => {
    fake = createFakeCore({
      messages: [mention, own, near, first, back],
      statuses: [statusOf(twitchRef, 'Twitch #chan', ['send', 'delete', 'timeout', 'ban'])],
      auth: { provider: 'twitch', status: 'logged-in', login: 'streamer' },
      highlights: { rules, muted: false },
    });
    served = await serveCore(fake.core);
    page = await served.browser.newPage({ viewport: { width: 1400, height: 860 }, bypassCSP: true });
    page.setDefaultTimeout(10_000);
    errors = watchPage(page).errors;
    await page.addInitScript(countBeeps);
    await page.goto(served.server.modUrl);
    await line(back.id).waitFor();
    await page.mouse.move(1390, 10);
  });

  afterAll(async () => {
    await served?.close();
  });

  it('highlights a mention of the logged-in user with a readable background and a left bar', async () => {
    expect(await line(mention.id).getAttribute('data-highlight')).toBe('mention');
    expect(await line(mention.id).getAttribute('aria-label')).toMatch(/^Highlighted: mentions you\. /);
    expect(await line(own.id).getAttribute('data-highlight')).toBeNull();
    expect(await line(near.id).getAttribute('data-highlight')).toBeNull();
    const style = await page.evaluate<{ background: string; bar: string }>(`(() => {
      const css = getComputedStyle(document.querySelector('[data-message-id="${mention.id}"]'));
      return { background: css.backgroundColor, bar: css.borderLeftColor };
    })()`);
    expect(style.bar).toBe('rgb(224, 69, 94)'); // #e0455e
    // Darker than the lightest line background name colours are made readable against (#2a203b).
    const [r, g, b] = style.background.match(/\d+/g)!.map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(
      0.2126 * 0x2a + 0.7152 * 0x20 + 0.0722 * 0x3b + 1,
    );
    expect(r).toBeGreaterThan(g); // still visibly the rule's red
  });

  it('marks first-time and returning chatters with a word and in the spoken label', async () => {
    expect(await line(first.id).locator('.chatter-mark').textContent()).toContain('First');
    expect(await line(first.id).getAttribute('aria-label')).toMatch(/^First message\. /);
    expect(await line(back.id).locator('.chatter-mark').textContent()).toContain('Returning');
    expect(await line(back.id).getAttribute('aria-label')).toMatch(/^Returning chatter\. /);
  });

  it('beeps once for a burst of new mentions, at most once a second, never for history, and not when muted', async () => {
    expect(await beeps()).toBe(0);
    const burst = [1, 2, 3].map((n) => chatLine(twitchRef, `fan${n}`, `hey streamer ${n}`));
    fake.publish({ type: 'events', events: burst });
    await line(burst[2].id).waitFor();
    await expect.poll(beeps).toBe(1);
    await new Promise((done) => setTimeout(done, 1100));
    const later = chatLine(twitchRef, 'fan4', 'streamer!!');
    fake.publish({ type: 'events', events: [later] });
    await line(later.id).waitFor();
    await expect.poll(beeps).toBe(2);
    const settings = defaultSettings();
    fake.publish({
      type: 'overlay',
      overlay: settings.overlay,
      timeoutPresets: [60],
      highlights: { rules, muted: true },
    });
    await new Promise((done) => setTimeout(done, 1100));
    const muted = chatLine(twitchRef, 'fan5', 'streamer?');
    fake.publish({ type: 'events', events: [muted] });
    await line(muted.id).waitFor();
    expect(await line(muted.id).getAttribute('data-highlight')).toBe('mention');
    expect(await beeps()).toBe(2);
  });

  it('lists mentions in the Highlights panel, newest first; the name opens the user card', async () => {
    await page.locator('[data-tab="highlights"]').click();
    const items = page.getByTestId('highlight-item');
    await expect.poll(() => items.count()).toBe(6);
    expect(await items.first().textContent()).toContain('streamer?');
    expect(await items.last().textContent()).toContain('@Streamer are you there?');
    await items.last().getByRole('button', { name: 'Open user card for ada' }).click();
    await page.getByTestId('user-card').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-card').waitFor({ state: 'detached' });
  });

  it('axe: no serious issue with the search bar, the Highlights panel and the rule editor', async () => {
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Search chat' }).fill('from:ada');
    await expect.poll(() => page.getByTestId('search-count').textContent()).toMatch(/^1 of /);
    await page.addScriptTag({ path: AXE });
    const severe = async () =>
      (await page.evaluate<Array<{ id: string; impact: string | null }>>(runAxe)).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
    expect(await severe()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('[data-tab="settings"]').click();
    await page.getByTestId('highlight-rule').first().waitFor();
    await page.locator('[data-action="add-keyword-rule"]').click();
    expect(await page.getByTestId('highlight-rule').last().textContent()).toContain(
      'an empty keyword matches nothing',
    );
    expect(await severe()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
