import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChatMessage } from '../../src/shared/events';
import { chatLine, createFakeCore, twitchRef, type FakeCore } from './fake-core';
import { SCREENSHOT_DIR, rendererBuilt, serveCore, type ServedCore } from './harness';
import { bidiOrder, boxOf, paintedOutside, type Box } from './page-probes';

/**
 * Issue 10.8 in Chromium: text that escaped its row. Zalgo drew over the neighbouring rows, an RLO in a display
 * name reversed ": message" on the overlay, and a 10 kB line made one overlay row 14,260 px tall.
 */
/** What Zalgo generators pile on each letter: marks above, below and through (U+0489 encloses), 40 of them. */
const MARKS =
  '\u0300\u0301\u0302\u0303\u0308\u030a\u030b\u0311\u0316\u0317\u0318\u0319\u031c\u031d\u0323\u0324' +
  '\u0334\u0358\u0362\u0489';
const zalgoText = [...'he comes for your rows'].map((c) => c + MARKS.repeat(2)).join('');
const RLO_NAME = '\u2069\u202eEvil';
const longText = Array.from({ length: 2000 }, (_, i) => `word${i}`)
  .join(' ')
  .slice(0, 10_240);

const zalgo = chatLine(twitchRef, 'zed', zalgoText);
const rlo = chatLine(twitchRef, 'evil', 'hello world', {
  author: { ...chatLine(twitchRef, 'evil', '').author, displayName: RLO_NAME },
});
const long = chatLine(twitchRef, 'wally', longText);
const plain = chatLine(twitchRef, 'ada', 'a plain line');

/** The overlay at OBS's suggested browser-source size; the mod console as a small desktop window. */
const VIEWPORT = { overlay: { width: 400, height: 700 }, mod: { width: 1000, height: 700 } };
const views = {
  overlay: {
    line: '[data-testid="chat-line"]',
    name: '.onair-name',
    text: '.onair-text',
    column: '.onair-chat',
  },
  mod: { line: '[data-testid="mod-line"]', name: '.mod-name', text: '.mod-text', column: '.chat-list' },
} as const;
type View = keyof typeof views;

describe.skipIf(!rendererBuilt())('chat text stays inside its row', () => {
  let fake: FakeCore;
  let served: ServedCore;

  beforeAll(async () => {
    fake = createFakeCore({ messages: [] });
    served = await serveCore(fake.core);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await served?.close();
  });

  /** A page of `view` showing exactly `messages`. */
  const open = async (view: View, messages: ChatMessage[]): Promise<Page> => {
    fake.snapshot = { ...fake.snapshot, messages };
    const page = await served.browser.newPage({ viewport: VIEWPORT[view] });
    await page.goto(view === 'overlay' ? served.server.overlayUrl : served.server.modUrl);
    for (const message of messages) await page.locator(`[data-message-id="${message.id}"]`).waitFor();
    return page;
  };
  const box = async (page: Page, selector: string): Promise<Box> =>
    (await page.evaluate<Box | null>(boxOf(selector)))!;
  const rowOf = (view: View, message: ChatMessage): string =>
    `${views[view].line}[data-message-id="${message.id}"]`;

  /** Pixels painted outside `row` within `area` (the overlay's whole viewport, the mod console's chat list). */
  const paintedOutsideRow = async (page: Page, row: Box, area: Box): Promise<number> => {
    const png = (await page.screenshot({ clip: area, omitBackground: true })).toString('base64');
    const blank = await served.browser.newPage();
    const count = await blank.evaluate<number>(paintedOutside(png, area, row, 1));
    await blank.close();
    return count;
  };

  for (const view of ['overlay', 'mod'] as const) {
    it(`${view}: a Zalgo line stays one row and paints nothing outside it`, async () => {
      const page = await open(view, [zalgo]);
      // A font that stacks marks (as Segoe UI does in OBS on Windows); the overlay's default stack finds
      // Liberation Sans here, which draws them all at one height. Set as an OBS user's custom CSS would.
      await page.evaluate(
        `document.documentElement.style.setProperty('--onair-font-family', '"DejaVu Sans"')`,
      );
      const row = await box(page, rowOf(view, zalgo));
      const column = await box(page, views[view].column);
      const area = view === 'overlay' ? { x: 0, y: 0, ...VIEWPORT.overlay } : column;
      const fontSize = await page.evaluate<number>(
        `parseFloat(getComputedStyle(document.querySelector('${views[view].text}')).fontSize)`,
      );
      expect(row.width).toBeLessThanOrEqual(column.width);
      expect(row.height).toBeLessThanOrEqual(3 * fontSize); // one line of text, not a tower of marks
      expect(await paintedOutsideRow(page, row, area)).toBe(0);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `text-bounds-zalgo-${view}.png`) });
      await page.close();
    });

    it(`${view}: an RLO in a display name does not reverse ": message"`, async () => {
      const page = await open(view, [plain, rlo]);
      const order = await page.evaluate<{
        name: number;
        sep: number;
        sepText: string;
        text: number;
        chars: Record<string, number>;
      }>(bidiOrder(rowOf(view, rlo), views[view].name, views[view].text, ['h', 'w']));
      expect(order.sepText).toBe(': ');
      expect(order.name).toBeLessThan(order.sep);
      expect(order.sep).toBeLessThan(order.text);
      expect(order.chars.h).toBeLessThan(order.chars.w);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `text-bounds-rlo-${view}.png`) });
      await page.close();
    });

    it(`${view}: a 10 kB line is cut, and its row stays within the column`, async () => {
      const page = await open(view, [plain, long]);
      const row = await box(page, rowOf(view, long));
      const column = await box(page, views[view].column);
      expect(row.width).toBeLessThanOrEqual(column.width);
      expect(row.x).toBeGreaterThanOrEqual(column.x);
      // The overlay shows ~500 characters, the mod console ~600: both far from the 14,260 px of before.
      expect(row.height).toBeLessThanOrEqual(column.height);
      const text = (await page.textContent(`${rowOf(view, long)} ${views[view].text}`))!;
      expect(text.length).toBeLessThanOrEqual(view === 'overlay' ? 501 : 601);
      expect(text.endsWith('…')).toBe(true);
      expect(await page.locator(rowOf(view, plain)).count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `text-bounds-long-${view}.png`) });
      await page.close();
    });
  }

  it('all three together, as a stream would show them (screenshot)', async () => {
    const page = await open('overlay', [
      plain,
      zalgo,
      rlo,
      long,
      chatLine(twitchRef, 'bob', 'the line after'),
    ]);
    const rows = await page.locator(views.overlay.line).count();
    expect(rows).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'text-bounds-overlay.png') });
    const mod = await open('mod', [plain, zalgo, rlo, long]);
    await mod.screenshot({ path: join(SCREENSHOT_DIR, 'text-bounds-mod.png') });
    await page.close();
    await mod.close();
  });
});
