import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

/** Issue 4 end to end: the real core and UI against the faithful ChatKC server, as a level-50 moderator. */
describe.skipIf(!rendererBuilt())('ChatKC end to end (faithful ChatKC server)', () => {
  let server: FakeChatKc;
  let stack: Stack;
  let mod: Page;
  let overlay: Page;
  let errors: { errors: string[] };

  const overlayLine = (id: number | string) =>
    overlay.locator(`[data-testid="chat-line"][data-message-id="${id}"]`);
  const modLine = (id: number | string) => mod.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);

  beforeAll(async () => {
    server = await startFakeChatKc({
      tokens: {
        'tok-mod': { id: 2, name: 'kcmod', level: 50, color: '00AAFF' },
        'tok-alice': { id: 3, name: 'alice', level: 0 },
        'tok-bob': { id: 4, name: 'bob', level: 0 },
        // Colours come from the server's database: a hostile one must not reach CSS.
        'tok-evil': { id: 5, name: 'evil', level: 0, color: 'f00;background:url(http://127.0.0.1:9/x)' },
      },
    });
    stack = await startStackWith({
      version: 1,
      sources: [{ id: 'kc', type: 'chatkc', url: server.url, channel: 'kc-test' }],
      alerts: { durationSeconds: 3 },
    });
    expect(await stack.core.handlers.setSourceToken({ sourceId: 'kc', token: 'tok-mod' })).toMatchObject({
      ok: true,
    });
    overlay = await stack.browser.newPage();
    mod = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = watchPage(mod);
    await overlay.goto(stack.server.overlayUrl);
    await mod.goto(stack.server.modUrl);
    await mod
      .locator('[data-testid="source-chip"][data-source-id="kc"].state-connected')
      .waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('shows chat from the server on /overlay, HTML-escaped text rendered as text', async () => {
    const id = server.say('alice', 'hi <b>chat</b> & friends')!;
    await overlayLine(id).getByText('hi <b>chat</b> & friends').waitFor({ timeout: 10_000 });
    expect(await overlay.locator('b').count()).toBe(0);
  });

  it('renders hostile text and colours inert, through the real client', async () => {
    const text = '<img src=x onerror="window.__pwned=1"> javascript:alert(1) <style>*{display:none}</style>';
    const id = server.say('evil', text)!;
    for (const page of [overlay, mod]) {
      const line = page.locator(`[data-message-id="${id}"]`);
      await line.getByText(text).waitFor({ timeout: 10_000 });
      expect(await line.locator('img[src="x"], style, script').count()).toBe(0);
      expect(await line.locator('a[href^="javascript:"]').count()).toBe(0);
      const styles = await line.evaluate((el) =>
        [...el.querySelectorAll('*')].map((n) => n.getAttribute('style') ?? ''),
      );
      expect(styles.join(' ')).not.toMatch(/url\(|background/);
      expect(
        await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
      ).toBeUndefined();
    }
  });

  it('offers only the buttons a level-50 moderator may use', async () => {
    const id = server.say('alice', 'a line to look at')!;
    await modLine(id).waitFor({ timeout: 10_000 });
    expect(await modLine(id).locator('[data-action="delete"]').count()).toBe(1);
    expect(await modLine(id).locator('[data-action="ban"]').count()).toBe(0);
    expect(await modLine(id).locator('[data-action^="timeout-"]').count()).toBe(0);
  });

  it('sends a message from the mod console that shows on /overlay', async () => {
    await mod.locator('[data-testid="source-chip"][data-source-id="kc"]').click();
    await mod.fill('[data-testid="send-input"]', 'hello from the mod console');
    await mod.click('[data-action="send"]');
    await overlay.getByText('hello from the mod console').waitFor({ timeout: 10_000 });
    expect(server.messages().some((m) => m.message === 'hello from the mod console')).toBe(true);
  });

  it('shows a donation as an alert', async () => {
    server.say('bob', 'take my money', { donate: '5.00' });
    await overlay
      .locator('[data-testid="alert"]')
      .getByText('bob donated $5.00')
      .waitFor({ timeout: 10_000 });
  });

  it("deletes with !rm from /mod; the line leaves /overlay after the server's delete", async () => {
    const id = server.say('alice', 'please delete me')!;
    await overlayLine(id).waitFor({ timeout: 10_000 });
    await modLine(id).hover();
    await modLine(id).locator('[data-action="delete"]').click();
    await overlayLine(id).waitFor({ state: 'detached', timeout: 10_000 });
    await mod.mouse.move(5, 5);
    await expect.poll(() => modLine(id).getAttribute('data-removed')).toBe('confirmed');
    expect(server.messages().find((m) => m.id === id)?.dropped).toBe(true);
    expect(errors.errors).toEqual([]);
  });
});
