import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoSource, rendererBuilt, startStack, type Stack } from './harness';
import { EVENTUALLY } from './layout-probes';

/** Issue 12: after an unban the line no longer says "banned" — live, and in a console opened afterwards. */
describe.skipIf(!rendererBuilt())('unban lifts "banned" from the lines', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack([demoSource(4, 23)]);
    page = await stack.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
    await page.goto(stack.server.modUrl);
    await page.locator('[data-testid="mod-line"] [data-action="ban"]').first().waitFor();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const removedNotes = (target: Page, id: string) =>
    target.locator(`[data-testid="mod-line"][data-message-id="${id}"] .mod-removed-note`).textContent();

  it('bans, then unbans: the line says "unbanned", not "banned", and offers no second unban', async () => {
    const line = page.locator('[data-testid="mod-line"]:has([data-action="ban"])').first();
    const id = (await line.getAttribute('data-message-id'))!;
    const target = page.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);
    await target.locator('[data-action="ban"]').click();
    await expect.poll(() => removedNotes(page, id), EVENTUALLY).toMatch(/\bbanned\b/);
    // Unban lives in the line's ⋯ menu (the fixed column keeps delete, the default timeout and ban).
    const menu = page.locator('[data-testid="line-menu"]');
    await target.locator('[data-action="more"]').click();
    await menu.locator('[data-action="unban"]').click();
    await expect.poll(() => removedNotes(page, id), EVENTUALLY).toContain('unbanned');
    expect(await removedNotes(page, id)).not.toMatch(/\bbanned\b/);
    await page.keyboard.press('Escape');
    await target.locator('[data-action="more"]').click();
    expect(await menu.locator('[data-action="unban"]').count()).toBe(0);
    await page.keyboard.press('Escape');

    // A console opened now builds the same from the snapshot (history + mod log).
    const late = await stack.browser.newPage({ viewport: { width: 1280, height: 800 } });
    late.setDefaultTimeout(15_000);
    await late.goto(stack.server.modUrl);
    await late.locator(`[data-testid="mod-line"][data-message-id="${id}"]`).waitFor();
    expect(await removedNotes(late, id)).toContain('unbanned');
    await late.close();
  });
});
