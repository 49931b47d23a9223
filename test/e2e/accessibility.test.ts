import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoSource, rendererBuilt, startStack, type Stack } from './harness';
import { runAxe } from './page-probes';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page; returns every violation (the test prints the counts by impact). */
async function axe(page: Page, label: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate<AxeViolation[]>(runAxe);
  const count = (impact: string) => violations.filter((v) => v.impact === impact).length;
  console.log(
    `axe-core ${label}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`,
    violations.length > 0 ? JSON.stringify(violations) : '',
  );
  return violations;
}

const severe = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Item 7: axe-core on both pages, with the demo chat running: no serious or critical violation. */
describe.skipIf(!rendererBuilt())('accessibility (axe-core) of /mod and /overlay', () => {
  let stack: Stack;
  let mod: Page;
  let overlay: Page;

  beforeAll(async () => {
    stack = await startStack([demoSource(5, 7, 3)]);
    // The pages' CSP (script-src 'self') would refuse the injected axe-core script: only this test bypasses it.
    mod = await stack.browser.newPage({ viewport: { width: 1400, height: 860 }, bypassCSP: true });
    overlay = await stack.browser.newPage({ viewport: { width: 480, height: 720 }, bypassCSP: true });
    await mod.goto(stack.server.modUrl);
    await overlay.goto(stack.server.overlayUrl);
    await mod.locator('[data-testid="mod-line"]').nth(5).waitFor({ timeout: 10_000 });
    await overlay.locator('[data-testid="chat-line"]').first().waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('/mod: chat, send box, tabs', async () => {
    await mod.mouse.move(1390, 850);
    expect(severe(await axe(mod, '/mod'))).toEqual([]);
  });

  it('/mod: with a line menu, the user card and the help panel open', async () => {
    await mod.locator('[data-testid="mod-line"] [data-action="more"]').last().click();
    expect(severe(await axe(mod, '/mod (menu open)'))).toEqual([]);
    await mod.keyboard.press('Escape');
    await mod.locator('[data-testid="mod-line"] .mod-name').last().click();
    await mod.locator('[data-testid="user-card"]').waitFor();
    expect(severe(await axe(mod, '/mod (user card)'))).toEqual([]);
    await mod.keyboard.press('Escape');
    await mod.click('[data-action="help"]');
    await mod.locator('[data-testid="help-panel"]').waitFor();
    expect(severe(await axe(mod, '/mod (help)'))).toEqual([]);
    await mod.keyboard.press('Escape');
  }, 60_000);

  it('/mod: every side panel', async () => {
    for (const tab of ['alerts', 'health', 'log', 'notices', 'settings', 'account']) {
      await mod.click(`[data-tab="${tab}"]`);
      expect(severe(await axe(mod, `/mod (${tab})`))).toEqual([]);
    }
  }, 120_000);

  it('/overlay', async () => {
    expect(severe(await axe(overlay, '/overlay'))).toEqual([]);
  });
});
