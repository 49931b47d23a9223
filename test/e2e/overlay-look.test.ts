import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { rendererBuilt, SCREENSHOT_DIR, startStackWith, watchPage, type Stack } from './harness';
import { BUSY_BACKGROUND, contrastOf, previewLineCounts, setBackground, textEffectOf } from './look-probes';

const CORPUS = resolve(
  __dirname,
  '../../../shared/corpora/twitch-irc/real/chatterino_recentmessages-nymn-2024.txt',
);

interface CorpusLine {
  line: string;
  id: string;
  color: string;
  text: string;
}

/** Real #nymn PRIVMSGs without Twitch emotes (their images need the network, which the test has not). */
function corpusLines(): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    if (!line.includes(' PRIVMSG #') || !/(?:^@|;)emotes=(?:;| )/.test(line)) continue;
    const id = /(?:^@|;)id=([^;]+)/.exec(line)?.[1];
    const color = /;color=([^;]*)/.exec(line)?.[1] ?? '';
    const text = line.slice(line.indexOf(' :', line.indexOf(' PRIVMSG #')) + 2);
    if (id) out.push({ line, id, color, text });
  }
  return out;
}

/** A screenful with what makes readability hard: emoji, a link, a long line, #0000FF and dark names. */
function screenful(all: CorpusLine[]): CorpusLine[] {
  const hard = all.filter(
    (l) =>
      /[\u{1f300}-\u{1faff}]/u.test(l.text) ||
      l.text.includes('http') ||
      ['#0000FF', '#00615C'].includes(l.color),
  );
  // Spam that repeats one word across five rows says nothing about readability: lines of one or two rows.
  const short = all.filter((l) => l.text.length <= 90);
  const picked = new Set([...hard.filter((l) => l.text.length <= 200).slice(0, 8), ...short.slice(0, 6)]);
  return all.filter((l) => picked.has(l));
}

const BACKGROUNDS = {
  bright: 'linear-gradient(180deg, #ffffff 0%, #eaf3ff 55%, #fff3cf 100%)',
  dark: 'linear-gradient(180deg, #08080b 0%, #16121f 100%)',
} as const;

/** Issue 13 items 4 and 8: readable on any scene, themes, chat-only and alerts-only URLs. */
describe.skipIf(!rendererBuilt())('overlay readability and URLs (fake Twitch IRC, real #nymn lines)', () => {
  let irc: FakeTwitchIrc;
  let stack: Stack;
  const all = corpusLines();
  const lines = screenful(all);
  const blue = all.find((l) => l.color === '#0000FF')!;
  const linkLine = all.find((l) => l.text.includes('https://'))!;
  const line = (id: string) => `[data-testid="chat-line"][data-message-id="${id}"]`;

  async function overlayPage(query = '', viewport = { width: 480, height: 720 }): Promise<Page> {
    const page = await stack.browser.newPage({ viewport });
    await page.goto(`${stack.server.overlayUrl}${query}`);
    return page;
  }

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    stack = await startStackWith({
      version: 1,
      endpoints: { twitchIrc: irc.url },
      sources: [{ id: 'tw', type: 'twitch', channel: 'nymn', anonymous: true }],
      overlay: { maxLines: 40 },
    });
    for (let waited = 0; !irc.received.some((l) => l.startsWith('JOIN #nymn')); waited += 50) {
      if (waited > 10_000) throw new Error('the client never joined #nymn');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const replayed = [...new Set([...lines, blue, linkLine])];
    const { sent } = await irc.replay(
      replayed.map((l) => l.line),
      200,
      'nymn',
    );
    expect(sent).toBe(replayed.length);
  });

  afterAll(async () => {
    await stack?.close();
    await irc?.stop();
  });

  it('outlines the chat by default and lifts a #0000FF name to ≥ 4.5:1 against the outline (in the page)', async () => {
    const page = await overlayPage();
    const watch = watchPage(page);
    await page.waitForSelector(line(blue.id));
    const effect = await page.evaluate<{ strokeWidth: number; paintOrder: string; strokeColor: string }>(
      textEffectOf(`${line(blue.id)} .onair-text`),
    );
    expect(effect.strokeWidth).toBeGreaterThan(0);
    expect(effect.strokeColor).toBe('rgb(0, 0, 0)');
    expect(effect.paintOrder).toMatch(/^stroke/);
    const name = await page.evaluate<{ color: string; ratio: number }>(
      contrastOf(`${line(blue.id)} .onair-name`, '#000000'),
    );
    expect(name.color).not.toBe('rgb(0, 0, 0)');
    expect(name.color).not.toBe('rgb(0, 0, 255)');
    expect(name.ratio).toBeGreaterThanOrEqual(4.5);
    // The hue stays blue: only the lightness moved.
    const [r, g, b] = name.color.match(/\d+/g)!.map(Number);
    expect(b).toBeGreaterThan(Math.max(r, g));
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('darkens names on the light theme to ≥ 4.5:1 against white', async () => {
    const light = await overlayPage('?theme=light');
    await light.waitForSelector(line(blue.id));
    const yellow = all.find((l) => l.color === '#FFFF00')!;
    irc.inject('nymn', yellow.line);
    await light.waitForSelector(line(yellow.id));
    const name = await light.evaluate<{ ratio: number }>(
      contrastOf(`${line(yellow.id)} .onair-name`, '#ffffff'),
    );
    expect(name.ratio).toBeGreaterThanOrEqual(4.5);
    await light.close();
  });

  it('?effect=shadow and ?effect=none switch the text effect', async () => {
    const pages = await Promise.all([overlayPage('?effect=shadow'), overlayPage('?effect=none')]);
    for (const [page, hasShadow] of [
      [pages[0], true],
      [pages[1], false],
    ] as const) {
      await page.waitForSelector(line(blue.id));
      const applied = await page.evaluate<{ strokeWidth: number; textShadow: string }>(
        textEffectOf(`${line(blue.id)} .onair-text`),
      );
      expect(applied.strokeWidth).toBe(0);
      expect(applied.textShadow !== 'none').toBe(hasShadow);
      await page.close();
    }
  });

  it('shortens or hides links and caps the message length from the URL', async () => {
    const text = (page: Page) => page.locator(`${line(linkLine.id)} .onair-text`).textContent();
    const shown = await overlayPage();
    await shown.waitForSelector(line(linkLine.id));
    expect(await text(shown)).toContain('https://www.youtube.com/c/dailydoseofnymnion');
    await shown.close();
    const short = await overlayPage('?links=shorten');
    await short.waitForSelector(line(linkLine.id));
    expect(await text(short)).toContain('youtube.com/…');
    expect(await text(short)).not.toContain('https://');
    await short.close();
    const hidden = await overlayPage('?links=hide&chars=60');
    await hidden.waitForSelector(line(linkLine.id));
    const capped = (await text(hidden))!;
    expect(capped).not.toContain('youtube.com/c/');
    expect(capped.length).toBeLessThanOrEqual(60 + 1); // the cap, then the ellipsis
    expect(capped.endsWith('…')).toBe(true);
    await hidden.close();
  });

  it('writes screenshots of real lines on a bright, a dark and a busy scene', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const page = await overlayPage('?max=16');
    await page.waitForSelector(line(lines.at(-1)!.id));
    const busy = await page.evaluate<string>(BUSY_BACKGROUND);
    const scenes = { ...BACKGROUNDS, busy: `url(${busy}) center / cover` };
    for (const [scene, background] of Object.entries(scenes)) {
      await page.evaluate(setBackground(background));
      await page.screenshot({ path: join(SCREENSHOT_DIR, `overlay-${scene}.png`) });
    }
    expect(await page.locator('[data-testid="chat-line"]').count()).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it('chat-only (?alerts=0) and alerts-only (?chat=0, /alerts) URLs show only their part', async () => {
    const chatOnly = await overlayPage('?alerts=0');
    const alertsOnly = await overlayPage('?chat=0');
    const alertBox = await stack.browser.newPage();
    await alertBox.goto(`http://127.0.0.1:${stack.server.port}/alerts`);
    await alertBox.waitForSelector('[data-testid="alerts-page"]');
    await chatOnly.waitForSelector(line(blue.id));
    await stack.core.handlers.alertControl({ command: 'test', alertType: 'raid' });
    await alertsOnly.waitForSelector('[data-testid="alert"][data-alert-type="raid"]', { timeout: 5000 });
    await alertBox.waitForSelector('[data-testid="alert-box"][data-alert-type="raid"]', { timeout: 5000 });
    expect(await alertsOnly.locator('[data-testid="chat-line"]').count()).toBe(0);
    expect(await alertBox.locator('[data-testid="chat-line"]').count()).toBe(0);
    expect(await chatOnly.locator('[data-testid="alert"]').count()).toBe(0);
    expect(await chatOnly.locator('[data-testid="chat-line"]').count()).toBeGreaterThan(5);
    await stack.core.handlers.alertControl({ command: 'skip' });
    for (const page of [chatOnly, alertsOnly, alertBox]) await page.close();
  });

  it("the console's theme gallery previews every theme live, and its Copy gives a working URL", async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1400, height: 1500 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const mod = await context.newPage();
    const watch = watchPage(mod);
    await mod.goto(stack.server.modUrl);
    await mod.click('[data-tab="settings"]');
    const gallery = mod.getByRole('radiogroup', { name: 'Overlay theme' });
    await gallery.waitFor();
    const radios = gallery.getByRole('radio');
    expect(await radios.count()).toBeGreaterThanOrEqual(4);
    // Each preview draws the sample lines with the overlay's own component and stylesheet.
    const counts = await mod.evaluate<Array<[string, number]>>(previewLineCounts);
    expect(counts.map(([theme]) => theme)).toEqual(['default', 'boxed', 'light', 'compact', 'large']);
    for (const [theme, count] of counts) expect(count, theme).toBe(4);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await mod.getByTestId('theme-gallery').screenshot({ path: join(SCREENSHOT_DIR, 'theme-gallery.png') });
    // Keyboard: arrows move the choice, as in any radio group.
    await mod.getByRole('radio', { name: 'Default' }).focus();
    await mod.keyboard.press('ArrowRight');
    expect(await mod.getByRole('radio', { name: 'Boxed' }).isChecked()).toBe(true);
    const field = mod.getByTestId('theme-url');
    await expect.poll(() => field.inputValue()).toBe(`${stack.server.overlayUrl}?theme=boxed`);
    const copy = mod.locator('[data-action="copy-theme-url"]');
    expect(await copy.textContent()).toBe('Copy');
    await copy.click();
    await expect.poll(() => copy.textContent()).toContain('Copied');
    const copied = await mod.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(`${stack.server.overlayUrl}?theme=boxed`);
    // The copied URL works: the overlay, boxed, with the chat.
    const overlay = await stack.browser.newPage();
    await overlay.goto(copied);
    await overlay.waitForSelector(line(blue.id));
    expect(await overlay.getAttribute('.onair-overlay', 'data-theme')).toBe('boxed');
    // The chat-only and alerts-only URLs are offered too.
    expect(await mod.getByTestId('overlay-url-chat').inputValue()).toBe(
      `${stack.server.overlayUrl}?alerts=0`,
    );
    expect(await mod.getByTestId('overlay-url-alerts').inputValue()).toBe(
      `http://127.0.0.1:${stack.server.port}/alerts`,
    );
    expect(watch.errors).toEqual([]);
    await overlay.close();
    await context.close();
  });
});
