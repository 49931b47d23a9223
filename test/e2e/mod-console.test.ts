import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AutoModHold } from '../../src/shared/events';
import { silentLogger } from '../../src/main/core/log/logger';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import { chatLine, chatkcRef, createFakeCore, statusOf, twitchRef, type FakeCore } from './fake-core';
import { RENDERER_DIR, elementCount, launchChromium, rendererBuilt, watchPage } from './harness';

const TWITCH_CAPS = [
  'send',
  'reply',
  'delete',
  'timeout',
  'ban',
  'unban',
  'warn',
  'mod',
  'unmod',
  'automod',
  'chatModes',
  'shoutout',
  'announce',
  'clearChat',
] as const;

const hold: AutoModHold = {
  kind: 'automod',
  id: 'hold-1',
  source: twitchRef,
  author: { id: 'id-rude', login: 'rude', displayName: 'Rude' },
  parts: [{ type: 'text', text: 'held words' }],
  text: 'held words',
  reason: 'profanity (level 3)',
  heldAt: Date.now(),
  status: 'pending',
};

describe.skipIf(!rendererBuilt())('mod console against a scripted core', () => {
  let fake: FakeCore;
  let server: HeadlessServer;
  let browser: Browser;
  let page: Page;
  let watch: { errors: string[] };
  const ada = chatLine(twitchRef, 'ada', 'hello from twitch');
  const kc = chatLine(chatkcRef, 'kcuser', 'hello from chatkc');
  const history = Array.from({ length: 1500 }, (_, i) =>
    chatLine(twitchRef, `user${i % 40}`, `old line ${i}`),
  );

  const lastCall = () => fake.calls.at(-1);
  const line = (id: string) => page.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);

  beforeAll(async () => {
    fake = createFakeCore({
      messages: [...history, ada, kc],
      statuses: [
        statusOf(twitchRef, 'Twitch #chan', [...TWITCH_CAPS]),
        statusOf(chatkcRef, 'ChatKC stream.mattkc.com', ['send', 'delete', 'ipban', 'userConf']),
      ],
      modes: { [twitchRef.sourceId]: { subsOnly: true, slowSeconds: 30 } },
      automod: [hold],
      auth: {
        provider: 'twitch',
        status: 'pending',
        userCode: 'WDJB-MJHT',
        verificationUri: 'https://www.twitch.tv/activate',
      },
    });
    server = await startHeadlessServer({
      core: fake.core,
      port: 0,
      rendererDir: RENDERER_DIR,
      log: silentLogger,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.setDefaultTimeout(5000);
    watch = watchPage(page);
    await page.goto(server.modUrl);
    await line(ada.id).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('windows a long history: DOM stays under 1,400 elements', async () => {
    expect(await page.locator('[data-testid="mod-line"]').count()).toBeLessThanOrEqual(80);
    expect(await elementCount(page)).toBeLessThanOrEqual(1400);
    await expect.poll(() => page.locator('.chat-older').textContent()).toMatch(/Show older \(\d+ more/);
  });

  it('shows line buttons from capabilities, never by provider', async () => {
    expect(await line(kc.id).locator('[data-action="delete"]').count()).toBe(1);
    expect(await line(kc.id).locator('[data-action="ban"], [data-action^="timeout-"]').count()).toBe(0);
    const actions = await line(ada.id)
      .locator('[data-action]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));
    expect(actions).toEqual(['delete', 'timeout-600', 'ban', 'more']);
    await line(ada.id).locator('[data-action="more"]').click();
    const menu = page.locator('[data-testid="line-menu"] [data-action]');
    expect(await menu.evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))).toEqual([
      'timeout-1',
      'timeout-60',
      'timeout-600',
      'timeout-86400',
      'reply',
      'user',
      'copy',
    ]);
    await page.keyboard.press('Escape'); // closes the menu, back on the line (keyboard focus holds the chat)
    await page.keyboard.press('Escape'); // leaves the list: live again
    await page.mouse.move(1200, 20);
  });

  it('sends the action and shows the service error text', async () => {
    fake.nextActResult = { ok: false, code: 'forbidden', message: 'You are not a moderator of #chan.' };
    await line(ada.id).hover();
    await line(ada.id).locator('[data-action="timeout-600"]').click();
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: {
          type: 'timeout',
          sourceId: twitchRef.sourceId,
          userId: 'id-ada',
          login: 'ada',
          seconds: 600,
        },
      });
    const note = line(ada.id).locator('[data-testid="action-note"][data-tone="error"]');
    await expect.poll(() => note.textContent()).toContain('failed: You are not a moderator of #chan.');
  });

  it('pauses on hover: new lines wait while the pointer is on the chat', async () => {
    await line(ada.id)
      .hover({ timeout: 3000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: '/tmp/onair/pause-fail.png' });
        throw e;
      });
    const fresh = chatLine(twitchRef, 'late', 'arrived while hovering');
    fake.publish({ type: 'events', events: [fresh] });
    await page.waitForSelector('[data-testid="chat-paused"]', { timeout: 3000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: '/tmp/onair/pause-fail.png' });
      throw e;
    });
    await page.waitForTimeout(200);
    expect(await line(fresh.id).count()).toBe(0);
    expect(await page.textContent('[data-testid="chat-paused"]')).toContain('1 new');
    await page.mouse.move(1200, 20); // off the chat
    await line(fresh.id).waitFor({ timeout: 2000 });
  });

  it('shows removals as confirmed or local only', async () => {
    const base = { kind: 'removal' as const, reason: 'delete' as const, at: Date.now() };
    fake.publish({
      type: 'events',
      events: [
        { ...base, source: twitchRef, target: { type: 'message', messageId: ada.id }, confirmed: true },
        { ...base, source: chatkcRef, target: { type: 'message', messageId: kc.id }, confirmed: false },
      ],
    });
    await expect.poll(() => line(ada.id).getAttribute('data-removed')).toBe('confirmed');
    expect(await line(ada.id).textContent()).toContain('removed on Twitch');
    expect(await line(kc.id).textContent()).toContain('hidden in OnAir only');
  });

  it('AutoMod: approve sends the action; a resolution by someone else shows who', async () => {
    await page.click('[data-tab="automod"]');
    const entry = page.locator('[data-testid="automod-hold"][data-hold-id="hold-1"]');
    expect(await entry.textContent()).toContain('profanity (level 3)');
    await entry.locator('[data-action="automod-allow"]').click();
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: { type: 'automod', sourceId: twitchRef.sourceId, holdId: 'hold-1', allow: true },
      });
    fake.publish({ type: 'events', events: [{ ...hold, status: 'denied', resolvedBy: 'other_mod' }] });
    await expect
      .poll(() => entry.locator('[data-testid="automod-resolution"]').textContent())
      .toBe('denied by other_mod');
  });

  it('chat modes reflect the current state and toggle through act', async () => {
    await page.click(`[data-testid="source-chip"][data-source-id="${twitchRef.sourceId}"]`);
    expect(await page.getAttribute('[data-action="mode-subsOnly"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('[data-action="mode-slow"]')).toBe('Slow 30s');
    await page.click('[data-action="mode-emoteOnly"]');
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: { type: 'chatModes', sourceId: twitchRef.sourceId, modes: { emoteOnly: true } },
      });
    fake.publish({
      type: 'events',
      events: [{ kind: 'modes', source: twitchRef, modes: { emoteOnly: true } }],
    });
    await expect.poll(() => page.getAttribute('[data-action="mode-emoteOnly"]', 'aria-pressed')).toBe('true');
  });

  it('clear chat asks first', async () => {
    const before = fake.calls.length;
    await page.click('[data-action="clear-chat"]');
    await page.waitForSelector('[data-testid="confirm-dialog"]');
    expect(fake.calls.length).toBe(before);
    await page.click('[data-testid="confirm-dialog"] [data-action="confirm"]');
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: { type: 'clearChat', sourceId: twitchRef.sourceId },
      });
  });

  it('user card: history, warn with reason, IP ban behind a confirmation', async () => {
    await line(kc.id).locator('.mod-name').click();
    const card = page.locator('[data-testid="user-card"]');
    // The scripted core has nothing stored: the card says so instead of counting what happens to be in view.
    await expect
      .poll(() => card.locator('[data-testid="card-counts"]').textContent())
      .toBe('no stored messages');
    expect(await card.locator('[data-action="warn"]').count()).toBe(0); // ChatKC source cannot warn
    await card.locator('input[placeholder="IP address to ban"]').fill('203.0.113.7');
    await card.locator('[data-action="ipban"]').click();
    await page.click('[data-testid="confirm-dialog"] [data-action="confirm"]');
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: { type: 'ipban', sourceId: chatkcRef.sourceId, address: '203.0.113.7' },
      });
    await card.locator('[aria-label="Close"]').click();
    await page.mouse.move(1200, 20); // off the chat, so it does not pause

    const other = chatLine(twitchRef, 'bob', 'hi');
    fake.publish({ type: 'events', events: [other] });
    await line(other.id).locator('.mod-name').click();
    await card.locator('label:has-text("Reason") input').fill('be nice');
    await card.locator('[data-action="warn"]').click();
    await expect
      .poll(() => lastCall())
      .toEqual({
        method: 'act',
        params: {
          type: 'warn',
          sourceId: twitchRef.sourceId,
          userId: 'id-bob',
          login: 'bob',
          reason: 'be nice',
        },
      });
    await card.locator('[aria-label="Close"]').click();
  });

  it('login panel shows the device code big, with the verification link', async () => {
    await page.click('[data-tab="account"]');
    expect(await page.textContent('[data-testid="user-code"]')).toBe('WDJB-MJHT');
    expect(await page.getAttribute('[data-testid="twitch-login"] a', 'href')).toBe(
      'https://www.twitch.tv/activate',
    );
    await page.click('[data-action="cancel-login"]');
    expect(lastCall()?.method).toBe('cancelLogin');
  });

  it("settings: client-side validation and the core's error are both shown", async () => {
    await page.click('[data-tab="settings"]');
    await page.fill('[data-testid="timeout-presets"]', '60, abc');
    await page.click('[data-action="save-settings"]');
    await expect
      .poll(() => page.textContent('[data-testid="settings-error"]'))
      .toMatch(/Timeout presets: "abc" is not a duration/);
    await page.fill('[data-testid="timeout-presets"]', '60, 600');
    await page.click('[data-action="save-settings"]');
    await expect
      .poll(() => page.textContent('[data-testid="settings-error"]'))
      .toBe('sources.0.channel: a Twitch login');
    expect(lastCall()?.method).toBe('updateSettings');
  });

  it('settings: number and checkbox fields reach the saved patch', async () => {
    await page.click('[data-tab="settings"]');
    // The previous test left an unsaved draft (drafts survive leaving the tab); start from the saved settings.
    const revert = page.locator('[data-action="revert-settings"]');
    if (await revert.isEnabled()) await revert.click();
    await page.getByLabel('max lines').fill('42');
    await page.getByLabel('min bits').fill('250');
    const showAlerts = page.getByLabel('show alerts');
    const wasShown = await showAlerts.isChecked();
    await showAlerts.setChecked(!wasShown);
    await page.click('[data-action="save-settings"]');
    await expect.poll(() => lastCall()?.method).toBe('updateSettings');
    const patch = lastCall()?.params as {
      overlay: { maxLines: number; showAlerts: boolean };
      alerts: { minBits: number };
    };
    expect(patch.overlay.maxLines).toBe(42);
    expect(patch.overlay.showAlerts).toBe(!wasShown);
    expect(patch.alerts.minBits).toBe(250);
    // Only what changed: a Save must not write back (and so reset) fields the user did not touch.
    expect(patch).toEqual({ overlay: { maxLines: 42, showAlerts: !wasShown }, alerts: { minBits: 250 } });
  });

  it('sending uses the active source', async () => {
    await page.fill('[data-testid="send-input"]', 'hello chat');
    await page.press('[data-testid="send-input"]', 'Enter');
    await expect
      .poll(() => lastCall())
      .toEqual({ method: 'send', params: { sourceId: twitchRef.sourceId, text: 'hello chat' } });
    expect(watch.errors).toEqual([]);
  });
});
