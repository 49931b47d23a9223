import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeStreamElements, type FakeStreamElements } from '../fakes/streamelements-server';
import { startFakeStreamlabs, type FakeStreamlabs } from '../fakes/streamlabs-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

const SL_TOKEN = 'sl-socket-token-e2e';
const SE_JWT = 'se-jwt-e2e';
const SE_CHANNEL = '5ad23dcc18fff500d78c5348';

/** Issue 17 end to end: Streamlabs and StreamElements tips through the real core onto /overlay. */
describe.skipIf(!rendererBuilt())('tips end to end (faithful Streamlabs and StreamElements fakes)', () => {
  let streamlabs: FakeStreamlabs;
  let streamelements: FakeStreamElements;
  let stack: Stack;
  let overlay: Page;
  let mod: Page;
  let errors: { errors: string[] };

  const alertText = (text: string) =>
    overlay.locator('[data-testid="alert"]').getByText(text, { exact: true });
  const chip = (id: string, state: string) =>
    mod.locator(`[data-testid="source-chip"][data-source-id="${id}"].state-${state}`);

  beforeAll(async () => {
    streamlabs = await startFakeStreamlabs({ tokens: [SL_TOKEN] });
    streamelements = await startFakeStreamElements({ tokens: { [SE_JWT]: SE_CHANNEL } });
    stack = await startStackWith({
      version: 1,
      sources: [
        { id: 'sl', type: 'streamlabs', url: streamlabs.url },
        { id: 'se', type: 'streamelements', url: streamelements.url, apiUrl: streamelements.apiUrl },
      ],
      alerts: { durationSeconds: 2 },
    });
    overlay = await stack.browser.newPage({ locale: 'en-US' });
    mod = await stack.browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    errors = watchPage(mod);
    await overlay.goto(stack.server.overlayUrl);
    await mod.goto(stack.server.modUrl);
  });

  afterAll(async () => {
    await stack?.close();
    await streamlabs?.stop();
    await streamelements?.stop();
  });

  it('asks for each token, and a pasted token plus "Test connection" connects', async () => {
    await chip('sl', 'login-needed').waitFor({ timeout: 10_000 });
    await chip('se', 'login-needed').waitFor({ timeout: 10_000 });
    await mod.click('[data-tab="settings"]');
    for (const [id, token] of [
      ['sl', SL_TOKEN],
      ['se', SE_JWT],
    ] as const) {
      const row = mod.locator('[data-testid="sources-editor"] li', {
        has: mod.getByLabel(`Token for ${id}`),
      });
      await row.getByLabel(`Token for ${id}`).fill(token);
      await row.locator('[data-action="save-token"]').click();
      await chip(id, 'connected').waitFor({ timeout: 10_000 });
      await row.locator('[data-action="test-connection"]').click();
      await expect
        .poll(() => row.locator('[data-testid="connection-test"]').getAttribute('data-state'), {
          timeout: 10_000,
        })
        .toBe('connected');
      expect(await row.getByLabel(`Token for ${id}`).inputValue()).toBe(''); // never shown again
    }
  });

  it('shows a Streamlabs donation on /overlay with its exact amount', async () => {
    await expect.poll(() => streamlabs.connections(SL_TOKEN), { timeout: 10_000 }).toBe(1);
    streamlabs.donate({ name: 'QuietStorm90', amount: '13.37', currency: 'USD', message: 'for the stream' });
    await alertText('QuietStorm90 donated $13.37').waitFor({ timeout: 10_000 });
    await overlay.getByText('for the stream').waitFor({ timeout: 10_000 });
  });

  it('shows a StreamElements tip on /overlay with its exact amount and currency', async () => {
    await expect.poll(() => streamelements.subscribers(), { timeout: 10_000 }).toBe(1);
    streamelements.tip({ username: 'Styler', amount: 4.2, currency: 'EUR', message: 'merci' });
    await alertText('Styler donated €4.20').waitFor({ timeout: 10_000 });
    expect(errors.errors).toEqual([]);
  });

  it('never shows either token in the page', async () => {
    const text = (await mod.content()) + (await overlay.content());
    expect(text).not.toContain(SL_TOKEN);
    expect(text).not.toContain(SE_JWT);
  });
});
