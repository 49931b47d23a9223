import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startFakeBadgeCdn, type FakeBadgeCdn } from '../fakes/badge-cdn';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startTwitchWorld, type TwitchWorld } from '../fakes/twitch-world';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

/**
 * Issue 13.3 end to end: the real core against the fake Twitch (Helix badges) and a fake badge CDN served as
 * `https://static-cdn.jtvnw.net` (Chromium maps the host to it), under the pages' real CSP. Before the login
 * badges are readable pills; after it, images load on /overlay and /mod. ChatKC levels show as pills.
 */
describe.skipIf(!rendererBuilt())('badges in Chromium (fake Helix + fake CDN, faithful ChatKC)', () => {
  let world: TwitchWorld;
  let cdn: FakeBadgeCdn;
  let chatKc: FakeChatKc;
  let stack: Stack;
  let overlay: Page;
  let mod: Page;
  const watches: string[][] = [];

  const line = (page: Page, id: string | number): Locator =>
    page.locator(`[data-testid="${page === overlay ? 'chat-line' : 'mod-line'}"][data-message-id="${id}"]`);
  const say = (badges: string, badgeInfo: string): string => {
    const id = randomUUID();
    const tags =
      `@badge-info=${badgeInfo};badges=${badges};color=#1E90FF;display-name=Viewer1;emotes=;id=${id};mod=0;` +
      `room-id=${world.userId('streamer')};subscriber=1;tmi-sent-ts=${Date.now()};turbo=0;` +
      `user-id=${world.userId('viewer1')};user-type=`;
    world.irc.inject('streamer', [`${tags} :viewer1!viewer1@viewer1.tmi.twitch.tv PRIVMSG #streamer :hi`]);
    return id;
  };
  const pillTexts = (page: Page, id: string | number) =>
    line(page, id).locator('.onair-badge--text').allTextContents();

  beforeAll(async () => {
    world = await startTwitchWorld({ deviceIntervalSeconds: 1 });
    world.api.helix.badges.useDocumentedChannelBadges(world.userId('streamer'));
    cdn = await startFakeBadgeCdn(world.api.helix.badges.imageUrls());
    chatKc = await startFakeChatKc({
      tokens: {
        'tok-admin': { id: 1, name: 'kcowner', level: 100 },
        'tok-mod': { id: 2, name: 'kcmod', level: 50 },
        'tok-user': { id: 3, name: 'kcuser', level: 0 },
      },
    });
    const settings = {
      version: 1,
      ...world.settings,
      sources: [
        { id: 'tw', type: 'twitch', channel: 'streamer', anonymous: false },
        { id: 'kc', type: 'chatkc', url: chatKc.url, channel: 'kc-test' },
      ],
    };
    stack = await startStackWith(settings, undefined, { chromiumArgs: cdn.chromiumArgs });
    overlay = await stack.browser.newPage();
    mod = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const page of [overlay, mod]) watches.push(watchPage(page).errors);
    await overlay.goto(stack.server.overlayUrl);
    await mod.goto(stack.server.modUrl);
  });

  afterAll(async () => {
    await stack?.close();
    await cdn?.close();
    await chatKc?.stop();
    await world?.close();
  });

  it('not logged in: readable pills, never cut codes, on both views', async () => {
    await expect
      .poll(() => world.irc.received.some((l) => l.startsWith('JOIN #streamer')), { timeout: 10_000 })
      .toBe(true);
    const id = say('broadcaster/1,subscriber/24,bits/1000,premium/1,no_audio/1', 'subscriber/24');
    const expected = ['Broadcaster', 'Subscriber 24 mo', 'Bits 1000', 'Prime', 'No audio'];
    for (const page of [overlay, mod]) {
      await line(page, id).waitFor({ timeout: 10_000 });
      expect(await pillTexts(page, id)).toEqual(expected);
      // Fixed height: every pill is as tall as the others, and no taller than the line's text.
      const heights = await line(page, id)
        .locator('.onair-badge--text')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(new Set(heights.map((h) => Math.round(h))).size).toBe(1);
    }
    expect(cdn.requests).toEqual([]);
  });

  it('logged in: Helix badge images load from the CDN on /overlay and /mod, with srcset and names', async () => {
    await mod.click('[data-tab="account"]');
    await mod.click('[data-action="login"]');
    const code =
      (await mod.locator('[data-testid="user-code"]').textContent({ timeout: 5000 }))?.trim() ?? '';
    world.api.approveDevice(code, 'streamer');
    await expect
      .poll(() => world.api.requests.filter((r) => r.path === '/helix/chat/badges').length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    // The line must arrive after both lists are in: resend until the subscriber badge is the channel's own.
    let id = '';
    await expect
      .poll(
        async () => {
          id = say('moderator/1,subscriber/0,bits/1', 'subscriber/3');
          await line(mod, id).waitFor({ timeout: 10_000 });
          return line(mod, id)
            .locator('img.onair-badge')
            .evaluateAll((els) => els.map((el) => el.getAttribute('src')));
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual([
        'https://static-cdn.jtvnw.net/badges/v1/3267646d-33f0-4b17-b3df-f923a41db1d0/1',
        'https://static-cdn.jtvnw.net/badges/v1/eb4a8a4c-eacd-4f5e-b9f2-394348310442/1',
        'https://static-cdn.jtvnw.net/badges/v1/743a0f3b-84b3-450b-96a0-503d7f4a9764/1',
      ]);
    for (const page of [overlay, mod]) {
      const images = line(page, id).locator('img.onair-badge');
      await expect
        .poll(
          () =>
            images.evaluateAll((els) =>
              els.map((el) => (el as unknown as { naturalWidth: number }).naturalWidth > 0),
            ),
          {
            timeout: 10_000,
          },
        )
        .toEqual([true, true, true]);
      expect(await images.first().getAttribute('alt')).toBe('Moderator');
      expect(await images.nth(1).getAttribute('title')).toBe('Subscriber (3 months)');
      expect(await images.first().getAttribute('srcset')).toContain(
        '/3267646d-33f0-4b17-b3df-f923a41db1d0/3 4x',
      );
      const boxes = await images.evaluateAll((els) =>
        els.map((el) => [
          Math.round(el.getBoundingClientRect().width),
          Math.round(el.getBoundingClientRect().height),
        ]),
      );
      for (const [width, height] of boxes) expect(width).toBe(height); // a square box, never stretched
      if (page === mod) expect(boxes[0]).toEqual([18, 18]);
      expect(await line(page, id).locator('.onair-badge--text').count()).toBe(0);
    }
    expect(cdn.requests.some((path) => path.startsWith('/badges/v1/3267646d-'))).toBe(true);
    await overlay.screenshot({ path: 'test-results/screenshots/badges-overlay.png' }).catch(() => {});
  });

  it('ChatKC: moderator (50) and admin (100) show their badges on both views', async () => {
    const modId = chatKc.say('kcmod', 'mod here')!;
    const ownerId = chatKc.say('kcowner', 'owner here')!;
    const userId = chatKc.say('kcuser', 'just a user')!;
    for (const page of [overlay, mod]) {
      await line(page, userId).waitFor({ timeout: 10_000 });
      expect(await pillTexts(page, modId)).toEqual(['Moderator']);
      expect(await pillTexts(page, ownerId)).toEqual(['Admin']);
      expect(await line(page, ownerId).locator('.onair-badge--text').getAttribute('title')).toBe(
        'Admin (ChatKC owner)',
      );
      expect(await line(page, userId).locator('.onair-badge').count()).toBe(0);
    }
  });

  it('no page error and no CSP violation', () => {
    expect(watches.flat()).toEqual([]);
  });
});
