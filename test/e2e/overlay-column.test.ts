import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/shared/events';
import { chatLine, createFakeCore, twitchRef, type FakeCore } from './fake-core';
import { rendererBuilt, serveCore, type ServedCore } from './harness';

/** Where each line on the overlay sits: inside the column (offsetTop) and on screen (bottom edge). */
const linePlaces = `(() => {
  const frame = document.querySelector('.onair-chat-frame').getBoundingClientRect();
  const spacer = document.querySelector('.onair-chat-spacer');
  return {
    frameBottom: frame.bottom,
    spacer: spacer.getBoundingClientRect().height,
    lines: [...document.querySelectorAll('[data-testid="chat-line"]')].map((line) => ({
      id: line.dataset.messageId,
      top: line.offsetTop,
      bottom: line.getBoundingClientRect().bottom,
    })),
  };
})()`;

interface Places {
  frameBottom: number;
  spacer: number;
  lines: Array<{ id: string; top: number; bottom: number }>;
}

/**
 * Issue 16: the overlay's column grows upward and a spacer takes the place of lines that left, so a line never
 * moves inside the column (the browser draws it once) while on screen the newest line stays at the bottom.
 */
describe.skipIf(!rendererBuilt())('overlay chat column (Chromium)', () => {
  let fake: FakeCore;
  let served: ServedCore;

  beforeAll(async () => {
    fake = createFakeCore({ messages: [] });
    served = await serveCore(fake.core);
  });

  afterAll(async () => {
    await served?.close();
  });

  it('keeps every line still inside the column while old lines leave at the top', async () => {
    const page = await served.browser.newPage({ viewport: { width: 400, height: 300 } });
    await page.goto(served.server.overlayUrl);
    await page.waitForSelector('[data-testid="chat"]', { state: 'attached' });
    const seen = new Map<string, number>();
    let moved = 0;
    let last: Places | null = null;
    for (let i = 0; i < 60; i++) {
      // Lines of one, two and three rows, so the spacer has to add up different heights.
      const words = 'word '.repeat(1 + (i % 3) * 12).trim();
      const line: ChatMessage = chatLine(twitchRef, `user${i}`, `${i} ${words}`);
      fake.publish({ type: 'events', events: [line] });
      await page.locator(`[data-message-id="${line.id}"]`).waitFor();
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      last = await page.evaluate<Places>(linePlaces);
      for (const { id, top } of last.lines) {
        const before = seen.get(id);
        if (before !== undefined && before !== top) moved += 1;
        seen.set(id, top);
      }
      // On screen the newest line ends at the frame's bottom edge (less the overlay's padding: none here).
      expect(Math.abs(last.lines[last.lines.length - 1].bottom - last.frameBottom)).toBeLessThan(1);
    }
    expect(moved).toBe(0);
    expect(last?.lines.length).toBe(40); // maxLines: 20 lines have left …
    expect(last?.spacer).toBeGreaterThan(20 * 25); // … and their space is the spacer's
    await page.close();
  });
});
