import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { chatLine, createFakeCore, statusOf, twitchRef, type FakeCore } from './fake-core';
import { RENDERER_DIR, launchChromium, rendererBuilt, watchPage } from './harness';
import { clipboardText, focusedId, focusedMessageId, focusedTab } from './page-probes';

const CAPS = ['send', 'reply', 'delete', 'timeout', 'ban', 'unban'] as const;
type Box = { x: number; y: number; width: number; height: number };

/** Issue 12 A, items 1, 5 and 7: stable targets, results on the line, keyboard first (scripted core). */
describe.skipIf(!rendererBuilt())('mod console chat column', () => {
  let fake: FakeCore;
  let server: HeadlessServer;
  let browser: Browser;
  let page: Page;
  let watch: { errors: string[] };
  const lines = Array.from({ length: 12 }, (_, i) =>
    chatLine(twitchRef, i === 10 ? 'BobbyBuilds' : `viewer${i}`, `line number ${i} with some words in it`),
  );
  const bobby = lines[10];
  const last = lines[11];

  const line = (id: string): Locator => page.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);
  const lastCall = () => fake.calls.at(-1);
  const boxes = (target: Locator): Promise<Box[]> =>
    target.locator('.line-actions button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
  const offChat = () => page.mouse.move(1300, 10);
  const focusedLineId = () => page.evaluate<string | null>(focusedMessageId);

  beforeAll(async () => {
    fake = createFakeCore({
      messages: lines,
      statuses: [statusOf(twitchRef, 'Twitch #chan', [...CAPS])],
      timeoutPresets: [1, 60, 600, 86400],
    });
    server = await startHeadlessServer({
      core: fake.core,
      port: 0,
      rendererDir: RENDERER_DIR,
      log: silentLogger,
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
    page.setDefaultTimeout(5000);
    watch = watchPage(page);
    await page.goto(server.modUrl);
    await line(last.id).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('item 1: line buttons keep their boxes on hover and focus, and are at least 24×24', async () => {
    await offChat();
    const before = await boxes(line(bobby.id));
    expect(
      await line(bobby.id)
        .locator('.line-actions [data-action]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))),
    ).toEqual(['delete', 'timeout-600', 'ban', 'more']);
    for (const box of before) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await line(bobby.id).locator('[data-action="timeout-600"]').hover();
    expect(await boxes(line(bobby.id))).toEqual(before);
    await line(bobby.id).locator('[data-action="ban"]').hover();
    expect(await boxes(line(bobby.id))).toEqual(before);
    await line(bobby.id).focus();
    expect(await boxes(line(bobby.id))).toEqual(before);
  });

  it('item 1: a click at the drawn position hits the drawn button', async () => {
    await offChat();
    const [del, timeout, ban] = await boxes(line(bobby.id));
    const at = (box: Box) => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await at(timeout);
    await expect.poll(lastCall).toEqual({
      method: 'act',
      params: {
        type: 'timeout',
        sourceId: twitchRef.sourceId,
        userId: 'id-BobbyBuilds',
        login: 'BobbyBuilds',
        seconds: 600,
      },
    });
    await at(ban);
    await expect
      .poll(lastCall)
      .toMatchObject({ method: 'act', params: { type: 'ban', login: 'BobbyBuilds' } });
    await at(del);
    await expect
      .poll(lastCall)
      .toMatchObject({ method: 'act', params: { type: 'delete', messageId: bobby.id } });
    await offChat();
  });

  it('item 1: a removed line loses delete, and its other buttons stay where they were', async () => {
    await offChat();
    const target = lines[9];
    const before = await boxes(line(target.id));
    fake.publish({
      type: 'events',
      events: [
        {
          kind: 'removal',
          source: twitchRef,
          target: { type: 'message', messageId: target.id },
          reason: 'delete',
          confirmed: true,
          at: Date.now(),
        },
      ],
    });
    await expect.poll(() => line(target.id).getAttribute('data-removed')).toBe('confirmed');
    const after = await boxes(line(target.id));
    expect(after).toHaveLength(3);
    expect(after).toEqual(before.slice(1));
  });

  it('item 1: the other presets are in the ⋯ menu, opened just below its button', async () => {
    await offChat();
    const more = line(bobby.id).locator('[data-action="more"]');
    await more.click();
    const menu = page.locator('[data-testid="line-menu"]');
    await menu.waitFor();
    const moreBox = (await more.boundingBox())!;
    const menuBox = (await menu.boundingBox())!;
    expect(Math.round(menuBox.x)).toBe(Math.round(moreBox.x));
    expect(menuBox.y).toBeGreaterThanOrEqual(moreBox.y + moreBox.height);
    expect(
      await menu.getByRole('menuitem').evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))),
    ).toEqual(['timeout-1', 'timeout-60', 'timeout-600', 'timeout-86400', 'reply', 'user', 'copy']);
    await menu.getByRole('menuitem', { name: 'Timeout 1 day' }).click();
    await expect.poll(lastCall).toMatchObject({ method: 'act', params: { type: 'timeout', seconds: 86400 } });
    expect(await menu.count()).toBe(0);
  });

  it('item 5: results appear on the line acted on; errors stay until dismissed; no toasts over chat', async () => {
    await offChat();
    const target = lines[8];
    fake.nextActResult = { ok: false, code: 'forbidden', message: 'You are not a moderator of #chan.' };
    await line(target.id).locator('[data-action="timeout-600"]').click();
    const note = line(target.id).locator('[data-testid="action-note"]');
    await expect.poll(() => note.getAttribute('data-tone')).toBe('error');
    expect(await note.textContent()).toContain(
      'Timeout viewer8 10m failed: You are not a moderator of #chan.',
    );
    await page.waitForTimeout(1500);
    expect(await note.getAttribute('data-tone')).toBe('error');
    expect(await page.locator('.toasts, [data-testid="toast"]').count()).toBe(0);
    await note.getByRole('button', { name: 'Dismiss' }).click();
    expect(await note.count()).toBe(0);
    await line(target.id).locator('[data-action="ban"]').click();
    await expect.poll(() => note.textContent()).toContain('Ban viewer8: done.');
    expect(await page.locator('[data-testid="action-note"]').count()).toBeGreaterThan(0);
  });

  it('item 7: the chat list is one tab stop; arrows move; hotkeys act on the selected line', async () => {
    await offChat();
    const stops = await page
      .locator('.chat-lines [tabindex="0"], .chat-lines a:not([tabindex="-1"])')
      .count();
    expect(stops).toBe(1);
    await page.locator('[data-testid="send-input"]').focus();
    await page.keyboard.press('Shift+Tab'); // help
    await page.keyboard.press('Shift+Tab'); // pause on hover
    await page.keyboard.press('Shift+Tab'); // the chat list: its one stop is the last selected line
    const stop = await page.locator('.chat-lines [tabindex="0"]').getAttribute('data-message-id');
    expect(await focusedLineId()).toBe(stop);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedLineId()).toBeNull(); // one stop: the next Shift+Tab left the list
    await page.keyboard.press('Tab');
    expect(await focusedLineId()).toBe(stop);
    await page.keyboard.press('End');
    expect(await focusedLineId()).toBe(last.id);
    await page.keyboard.press('ArrowUp');
    expect(await focusedLineId()).toBe(bobby.id);
    expect(await page.textContent('[data-testid="chat-paused"]')).toContain('moving through lines');

    await page.keyboard.press('t');
    await expect
      .poll(lastCall)
      .toMatchObject({ method: 'act', params: { type: 'timeout', seconds: 600, login: 'BobbyBuilds' } });
    await page.keyboard.press('Shift+B');
    await expect
      .poll(lastCall)
      .toMatchObject({ method: 'act', params: { type: 'ban', login: 'BobbyBuilds' } });
    await page.keyboard.press('b'); // lower-case b never bans
    await page.keyboard.press('Delete');
    await expect
      .poll(lastCall)
      .toMatchObject({ method: 'act', params: { type: 'delete', messageId: bobby.id } });
    await page.keyboard.press('c');
    await expect
      .poll(() => line(bobby.id).locator('[data-testid="action-note"]').textContent())
      .toContain('Text copied.');
    expect(await page.evaluate<string>(clipboardText)).toBe(bobby.text);
  });

  it('item 7: Reply focuses the input; the user card takes focus and gives it back', async () => {
    await line(bobby.id).focus();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate<string | null>(focusedId)).toBe('send-input');
    expect(await page.textContent('.replying')).toContain('Replying to BobbyBuilds');
    await page.keyboard.press('Escape'); // cancels the reply
    expect(await page.locator('.replying').count()).toBe(0);

    await line(bobby.id).focus();
    await page.keyboard.press('u');
    const card = page.locator('[data-testid="user-card"]');
    await card.waitFor();
    expect(await card.evaluate((el) => el.matches(':focus-within'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(await focusedLineId()).toBe(bobby.id);

    await page.keyboard.press('Escape'); // leaves the list: live again, cursor in the send box
    expect(await page.evaluate<string | null>(focusedId)).toBe('send-input');
    await page.locator('[data-testid="chat-live"]').waitFor();
  });

  it('item 7: accessible names, ARIA tabs with arrow keys, and the ? help panel', async () => {
    await page.getByRole('button', { name: 'Timeout BobbyBuilds for 10 minutes' }).waitFor();
    await page.getByRole('button', { name: 'Ban BobbyBuilds' }).waitFor();
    await page.getByRole('button', { name: "Delete BobbyBuilds's message" }).waitFor();
    await page.getByRole('button', { name: 'More actions for BobbyBuilds' }).waitFor();
    await page.getByRole('textbox', { name: 'Message Twitch #chan' }).waitFor();

    const tabs = page.getByRole('tablist', { name: 'Tool panels' });
    const selected = tabs.getByRole('tab', { selected: true });
    await selected.focus();
    const first = await selected.getAttribute('data-tab');
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate<string | null>(focusedTab);
    expect(next).not.toBe(first);
    expect(await page.getAttribute(`[data-tab="${next}"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[role="tabpanel"]', 'aria-labelledby')).toBe(`tab-${next}`);
    await page.keyboard.press('ArrowLeft');

    await page.locator('body').press('?');
    const help = page.locator('[data-testid="help-panel"]');
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Shift\+B.*ban/);
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    expect(watch.errors).toEqual([]);
  });
});
