import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { demoSource, rendererBuilt, startStackWith, watchPage, type Stack } from './harness';
import { EVENTUALLY } from './layout-probes';

/** Inputs of the settings panel without a one-line explanation (a `.hint` in their label, or described by one). */
const unexplainedInputs = `(() => [...document.querySelectorAll('[data-testid="settings-panel"] input, [data-testid="settings-panel"] select')]
  .filter((input) => {
    if (input.type === 'password') return false; // token fields: explained in their source row
    const described = input.getAttribute('aria-describedby');
    if (described && document.getElementById(described)?.textContent.trim()) return false;
    const label = input.closest('label, .field, form.add-source');
    return !label || !label.querySelector('.hint');
  })
  .map((input) => input.getAttribute('aria-label') || input.closest('label')?.textContent.slice(0, 40) || input.outerHTML.slice(0, 60)))()`;

/** Issue 12 item 8: settings without traps. */
describe.skipIf(!rendererBuilt())('settings without traps', () => {
  let irc: FakeTwitchIrc;
  let stack: Stack;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  const settingsTab = () => page.locator('[data-tab="settings"]').click();
  const twitchChannels = () =>
    stack.core
      .settings()
      .sources.flatMap((source) => (source.type === 'twitch' ? [source.channel] : []))
      .sort();

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    stack = await startStackWith({
      version: 1,
      endpoints: { twitchIrc: irc.url },
      sources: [demoSource(2, 11)],
    });
    context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
    ({ errors } = watchPage(page));
    await page.goto(stack.server.modUrl);
    await settingsTab();
    await page.getByTestId('settings-panel').waitFor();
  });

  afterAll(async () => {
    await stack?.close();
    await irc?.stop();
  });

  it('the channel field takes a URL, #name or any case, and Add saves at once', async () => {
    const field = page.getByLabel('Twitch channel');
    for (const typed of ['https://www.twitch.tv/xqc', '#ShroudTV', 'POKIMANE']) {
      await field.fill(typed);
      await page.locator('[data-action="add-source"]').click();
      await expect.poll(() => field.inputValue(), EVENTUALLY).toBe('');
    }
    expect(twitchChannels()).toEqual(['pokimane', 'shroudtv', 'xqc']);
    // Switching tabs drops nothing: it is saved already.
    await page.locator('[data-tab="health"]').click();
    await settingsTab();
    await expect
      .poll(() => page.getByTestId('sources-editor').textContent(), EVENTUALLY)
      .toContain('Twitch #xqc');
    await expect
      .poll(
        () => page.locator('[data-testid="source-chip"][data-source-id="twitch:xqc"]').count(),
        EVENTUALLY,
      )
      .toBe(1);
  });

  it('refuses what is no channel, saying what would be', async () => {
    await page.getByLabel('Twitch channel').fill('https://example.com/xqc');
    await page.locator('[data-action="add-source"]').click();
    expect(await page.getByTestId('add-source-error').textContent()).toContain('https://www.twitch.tv/xqc');
    expect(twitchChannels()).toEqual(['pokimane', 'shroudtv', 'xqc']);
  });

  it('timeout presets take 30s, 10m, 1h, 1d, 1w; a typo is named, never "NaN"', async () => {
    const presets = page.getByTestId('timeout-presets');
    await presets.fill('10m, 1x, 1d');
    await page.locator('[data-action="save-settings"]').click();
    const error = await page.getByTestId('settings-error').textContent();
    expect(error).toContain('"1x"');
    expect(error).not.toContain('NaN');
    await presets.fill('30s, 10m, 1h, 1d, 1w');
    await page.locator('[data-action="save-settings"]').click();
    await expect
      .poll(() => stack.core.settings().twitch.timeoutPresets, EVENTUALLY)
      .toEqual([30, 600, 3600, 86_400, 604_800]);
    expect(await presets.inputValue()).toBe('30s, 10m, 1h, 1d, 1w');
  });

  it('leaving the tab with unsaved changes keeps them and says so', async () => {
    const maxLines = page.getByLabel('Max lines');
    await maxLines.fill('25');
    expect(await page.getByTestId('settings-save-bar').textContent()).toContain('Unsaved changes');
    await page.locator('[data-tab="alerts"]').click();
    await expect
      .poll(() => page.getByTestId('action-note').allTextContents(), EVENTUALLY)
      .toContainEqual(expect.stringContaining('Settings not saved yet'));
    await settingsTab();
    await expect.poll(() => page.getByLabel('Max lines').inputValue(), EVENTUALLY).toBe('25');
    expect(await page.getByTestId('settings-save-bar').textContent()).toContain('Unsaved changes');
    await page.locator('[data-action="save-settings"]').click();
    await expect.poll(() => stack.core.settings().overlay.maxLines, EVENTUALLY).toBe(25);
    // The core has the new settings before its answer reaches the console, which says "Saving…" until then.
    await expect
      .poll(() => page.getByTestId('settings-save-bar').textContent(), EVENTUALLY)
      .toContain('All changes saved');
  });

  it('a Copy button beside the OBS URL puts it on the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const url = await page.getByTestId('overlay-url').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/overlay$/);
    await page.locator('[data-action="copy-overlay-url"]').click();
    await expect
      .poll(() => page.locator('[data-action="copy-overlay-url"]').textContent(), EVENTUALLY)
      .toContain('Copied');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
  });

  it('explains every option, "anonymous", and where a ChatKC token comes from', async () => {
    expect(await page.evaluate<string[]>(unexplainedInputs)).toEqual([]);
    const form = page.locator('form.add-source');
    expect(await form.textContent()).toContain('Reads chat without your login');
    await page.getByLabel('Source type').selectOption('chatkc');
    const help = await form.textContent();
    expect(help).toContain('read-only');
    expect(help).toMatch(/Google sign-in token.*developer tools/s);
    expect(await page.evaluate<string[]>(unexplainedInputs)).toEqual([]);
    await page.getByLabel('Source type').selectOption('twitch');
    expect(errors).toEqual([]);
  });
});
