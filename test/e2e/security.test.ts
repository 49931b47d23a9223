import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inertReport, tryControlSocket, type ControlAttempt } from './page-probes';
import { demoSource, rendererBuilt, startStack, watchPage, type Stack } from './harness';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '<a href="javascript:window.__pwned=4">click</a>',
  'red;background:url(https://evil.example/x)',
].join(' ');

/** Records every CSP violation the page reports, from before its first script runs. */
const recordCspViolations = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** Nothing hostile became markup, ran, or reached an attribute. */
async function expectInert(page: Page): Promise<void> {
  const report = await page.evaluate<Record<string, number | null>>(inertReport);
  expect(report).toEqual({ pwned: null, scripts: 0, badImages: 0, badLinks: 0, styledUrls: 0 });
}

describe.skipIf(!rendererBuilt())('security in Chromium (real core)', () => {
  let stack: Stack;
  let foreign: Server;
  let foreignOrigin: string;

  beforeAll(async () => {
    stack = await startStack([demoSource(1)]);
    // Another local web page (another origin) that tries to use the control socket.
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>foreign</title>');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await stack?.close();
    await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
  });

  const tryControl = (page: Page, port: number, protocols: string[]) =>
    page.evaluate<ControlAttempt>(tryControlSocket(port, protocols));

  it('refuses the control socket from another origin, even with the secret', async () => {
    const page = await stack.browser.newPage();
    await page.goto(foreignOrigin);
    const before = stack.server.stats.refusedUpgrades;
    const result = await tryControl(page, stack.server.port, [
      'onair-mod.v1',
      `secret.${stack.server.secret}`,
    ]);
    expect(result).toMatchObject({ opened: false, frames: 0 });
    expect(stack.server.stats.refusedUpgrades).toBe(before + 1);
    await page.close();
  });

  it('refuses the control socket without the secret, from our own origin', async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.server.overlayUrl);
    const without = await tryControl(page, stack.server.port, []);
    expect(without).toMatchObject({ opened: false, frames: 0 });
    const wrong = await tryControl(page, stack.server.port, ['onair-mod.v1', 'secret.guess']);
    expect(wrong).toMatchObject({ opened: false, frames: 0 });
    // The mod page without the fragment stays disconnected and says so.
    await page.goto(`http://127.0.0.1:${stack.server.port}/mod`);
    await page.waitForSelector('[data-testid="bridge-down"]');
    expect(await page.locator('[data-testid="mod-line"]').count()).toBe(0);
    await page.close();
  });

  it('loads /overlay and /mod without a single CSP violation (zod runs jitless)', async () => {
    for (const [url, ready] of [
      [stack.server.overlayUrl, '[data-testid="chat-line"]'],
      [stack.server.modUrl, '[data-testid="send-input"]:not([disabled])'],
    ] as const) {
      const page = await stack.browser.newPage();
      const consoleViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
      });
      await page.addInitScript(recordCspViolations);
      await page.goto(url);
      await page.waitForSelector(ready);
      // The console validates its settings form with zod: open it so schemas are parsed too.
      if (url === stack.server.modUrl) await page.click('[data-tab="settings"]');
      await page.waitForTimeout(300);
      expect(await page.evaluate<string[]>('window.__csp'), url).toEqual([]);
      expect(consoleViolations, url).toEqual([]);
      await page.close();
    }
  });

  it('renders hostile chat text as inert text in both views', async () => {
    const overlay = await stack.browser.newPage();
    const mod = await stack.browser.newPage();
    const watches = [watchPage(overlay), watchPage(mod)];
    await overlay.goto(stack.server.overlayUrl);
    await mod.goto(stack.server.modUrl);
    await mod.waitForSelector('[data-testid="send-input"]:not([disabled])');
    // Through the mod console's send box (the demo source emits it as the streamer's own message) …
    await mod.fill('[data-testid="send-input"]', HOSTILE);
    await mod.press('[data-testid="send-input"]', 'Enter');
    // … and straight through the core.
    const direct = await stack.core.handlers.send({ sourceId: 'demo', text: `${HOSTILE} (direct)` });
    expect(direct.ok).toBe(true);
    for (const page of [overlay, mod]) {
      const selector = page === overlay ? '[data-testid="chat-line"]' : '[data-testid="mod-line"]';
      const lines = page.locator(selector).filter({ hasText: '<img src=x onerror=' });
      await expect.poll(() => lines.count(), { timeout: 3000 }).toBe(2);
      expect(await lines.first().textContent()).toContain('<script>window.__pwned=2</script>');
      expect(await lines.first().textContent()).toContain('red;background:url(https://evil.example/x)');
      await expectInert(page);
    }
    await overlay.waitForTimeout(300);
    for (const watch of watches) expect(watch.errors).toEqual([]);
    await overlay.close();
    await mod.close();
  });

  it('OBS custom CSS may load web fonts from the listed hosts on /overlay and /alerts, and nothing else', async () => {
    const base = `http://127.0.0.1:${stack.server.port}`;
    for (const path of ['/overlay', '/alerts']) {
      const csp = (await fetch(`${base}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/style-src 'self' 'unsafe-inline' https:\/\/fonts\.googleapis\.com/);
      expect(csp, path).toMatch(/font-src 'self' data: https:\/\/fonts\.gstatic\.com/);
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
    const modCsp = (await fetch(`${base}/mod`)).headers.get('content-security-policy') ?? '';
    expect(modCsp).not.toContain('fonts.');
    expect(modCsp).not.toContain('font-src');

    // What OBS does with custom CSS: a <style> in the page, here importing a web font and a foreign sheet.
    const page = await stack.browser.newPage();
    const fetched: string[] = [];
    await page.route(/^https:\/\//, async (route) => {
      const url = route.request().url();
      fetched.push(new URL(url).host);
      if (url.startsWith('https://fonts.googleapis.com/')) {
        await route.fulfill({
          contentType: 'text/css',
          body: "@font-face { font-family: 'Bangers'; src: url(https://fonts.gstatic.com/s/bangers/v1/b.woff2); }",
        });
      } else await route.fulfill({ contentType: 'font/woff2', body: 'not really a font' });
    });
    await page.addInitScript(recordCspViolations);
    await page.goto(stack.server.overlayUrl);
    await page.waitForSelector('[data-testid="chat-line"]');
    await page.evaluate(`(() => {
      const style = document.createElement('style');
      style.textContent = '@import url("https://fonts.googleapis.com/css2?family=Bangers");' +
        '@import url("https://evil.example/steal.css");' +
        '.onair-overlay { font-family: Bangers, sans-serif; }';
      document.head.appendChild(style);
    })()`);
    await expect.poll(() => fetched.includes('fonts.gstatic.com'), { timeout: 5000 }).toBe(true);
    expect(fetched).toContain('fonts.googleapis.com');
    expect(fetched).not.toContain('evil.example');
    const violations = await page.evaluate<string[]>('window.__csp');
    // Once per policy (the meta tag's and the header's), and only for the foreign sheet.
    expect([...new Set(violations)]).toEqual(['style-src-elem https://evil.example/steal.css']);
    await page.close();
  });
});
