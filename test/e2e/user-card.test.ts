import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { RENDERER_DIR, demoSource, launchChromium, rendererBuilt } from './harness';
import { EVENTUALLY } from './layout-probes';

interface Running {
  core: OnAirCore;
  server: HeadlessServer;
  page: Page;
}

/** Issue 15: the user card and the moderation log, across a restart of the headless core (same data folder). */
describe.skipIf(!rendererBuilt())('user card and moderation log', () => {
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onair-e2e-card-'));
    // Storage is off by default (docs/storage.md): on here, this is about history that outlives a run.
    const settings = { version: 1, sources: [demoSource(6, 31)], storage: { enabled: true } };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (): Promise<Running> => {
    const { createCore } = await import('../../src/main/core/create-core');
    const core = await createCore({
      settingsPath: join(dir, 'settings.json'),
      dataDir: dir,
      log: silentLogger,
    });
    await core.start();
    const server = await startHeadlessServer({ core, port: 0, rendererDir: RENDERER_DIR, log: silentLogger });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(15_000);
    await page.goto(server.modUrl);
    return { core, server, page };
  };
  const stop = async ({ core, server, page }: Running) => {
    await page.close();
    await server.close();
    await core.stop();
  };
  const openCard = async (page: Page, name: string) => {
    await page.locator('[data-testid="mod-line"] .mod-name', { hasText: name }).first().click();
    return page.locator('[data-testid="user-card"]');
  };

  it('note, history and moderation outlive a restart; the log filters, searches and exports CSV', async () => {
    let run = await start();
    let page = run.page;
    const firstName = page.locator('[data-testid="mod-line"] .mod-name').first();
    await firstName.waitFor();
    const name = (await firstName.textContent())!.trim();
    let card = await openCard(page, name);
    await card.locator('textarea').fill('Asked to stop spoilers, <b>twice</b>');
    await card.locator('[data-action="save-note"]').click();
    await expect
      .poll(() => card.locator('[data-testid="note-status"]').textContent(), EVENTUALLY)
      .toBe('Saved.');
    await card.locator('label:has-text("Reason") input').fill('spoilers, again');
    await card.locator('[data-action^="timeout-"]').first().click();
    await expect
      .poll(() => card.locator('[data-testid="card-actions"]').textContent(), EVENTUALLY)
      .toMatch(new RegExp(`timed out ${name.toLowerCase()} for .* — spoilers, again`, 'i'));
    const before = await card.locator('[data-testid="user-history"] .user-history-line').count();
    expect(before).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // The log: human text, search, filters, CSV.
    await page.click('[data-tab="log"]');
    const entries = page.locator('[data-testid="modlog-entry"]');
    await expect.poll(() => entries.first().textContent(), EVENTUALLY).toMatch(/timed out .* for \d/);
    await page.fill('[aria-label="Search the log"]', 'spoilers');
    await expect
      .poll(() => page.locator('[data-testid="modlog-count"]').textContent(), EVENTUALLY)
      .toBe('1 entry');
    await page.fill('[aria-label="Search the log"]', 'no such words');
    await expect
      .poll(() => page.locator('[data-testid="modlog-count"]').textContent(), EVENTUALLY)
      .toBe('0 entries');
    await page.fill('[aria-label="Search the log"]', '');
    await page.selectOption('[aria-label="Action"]', 'timeout');
    await page.fill('[aria-label="User"]', name);
    await expect
      .poll(() => page.locator('[data-testid="modlog-count"]').textContent(), EVENTUALLY)
      .toBe('1 entry');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action="export-csv"]'),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('time (UTC),source,moderator,action,target,what,reason,result,error');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(
      /,demo,[^,]+,timeout,[^,]+,[^,]+ timed out [^,]+ for [^,]+,"spoilers, again",(ok|local),$/,
    );
    await stop(run);

    // Restart: same data folder, fresh console. The same chatter speaks again (same demo seed).
    run = await start();
    page = run.page;
    card = await openCard(page, name);
    await expect
      .poll(() => card.locator('textarea').inputValue(), EVENTUALLY)
      .toBe('Asked to stop spoilers, <b>twice</b>');
    expect(await card.locator('[data-testid="card-actions"]').textContent()).toMatch(
      /timed out .* — spoilers, again/,
    );
    await expect
      .poll(() => card.locator('[data-testid="user-history"] .user-history-line').count(), EVENTUALLY)
      .toBeGreaterThan(before);
    expect(await card.locator('[data-testid="card-counts"]').textContent()).toMatch(
      /^\d+ messages? · first seen/,
    );
    await stop(run);
  }, 120_000);
});
