import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CDN_HOSTS, startFakeEmoteServer, type FakeEmoteServer } from '../fakes/emotes/emote-server';
import { numericId } from '../fakes/twitch-irc/lines';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

const CHANNEL = 'emotechan';

/** The bits of the DOM the in-page callbacks use (the Node tsconfig that checks tests has no DOM types). */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Img {
  alt: string;
  srcset: string;
  currentSrc: string;
  loading: string;
  dataset: Record<string, string | undefined>;
  classList: { contains(name: string): boolean };
  decode(): Promise<void>;
  getBoundingClientRect(): Rect;
  querySelectorAll(selector: string): Img[];
  src: string;
}
interface PageGlobals {
  devicePixelRatio: number;
  document: {
    addEventListener(type: string, fn: (e: { blockedURI: string }) => void, options: { once: boolean }): void;
    createElement(tag: string): Img;
    body: { append(node: Img): void };
  };
}

/**
 * Issue 13 end to end: Twitch chat from the fake IRC, emote sets from the fake BTTV / FFZ / 7TV APIs, images
 * from the fake CDN under the real host names (Chromium maps them to 127.0.0.1 and accepts the throwaway
 * certificate), so the pages' real CSP decides what loads.
 */
describe.skipIf(!rendererBuilt())('third-party emotes in /overlay and /mod', () => {
  let irc: FakeTwitchIrc;
  let emotes: FakeEmoteServer;
  let stack: Stack;
  const pages: Array<{ name: string; page: Page; line: string; errors: string[] }> = [];

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    emotes = await startFakeEmoteServer({ channels: [numericId(CHANNEL)], cdn: true });
    const rules = CDN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${emotes.cdnPort}`).join(', ');
    stack = await startStackWith(
      {
        version: 1,
        endpoints: { twitchIrc: irc.url, ...emotes.endpoints },
        sources: [{ id: 'tw', type: 'twitch', channel: CHANNEL, anonymous: true }],
        emotes: { bttv: true, ffz: true, seventv: true },
      },
      undefined,
      { chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'] },
    );
    for (const [name, url, line] of [
      ['overlay', stack.server.overlayUrl, 'chat-line'],
      ['mod', stack.server.modUrl, 'mod-line'],
    ] as const) {
      const page = await stack.browser.newPage();
      const { errors } = watchPage(page);
      await page.goto(url);
      pages.push({ name, page, line, errors });
    }
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await irc?.stop();
    await emotes?.stop();
  });

  const say = (id: string, text: string): void =>
    irc.inject(
      CHANNEL,
      `@badges=;color=#1E90FF;display-name=Viewer;emotes=;id=${id};room-id=${numericId(CHANNEL)};tmi-sent-ts=${Date.now()};user-id=4242 :viewer!viewer@viewer.tmi.twitch.tv PRIVMSG #${CHANNEL} :${text}`,
    );

  it('loads the channel sets once ROOMSTATE names the room', async () => {
    // Channel sets load once ROOMSTATE (after JOIN) names the room id; probe until the channel's emotes apply.
    const overlay = pages[0]!.page;
    await expect
      .poll(
        async () => {
          const id = `probe-${Date.now()}`;
          say(id, 'PagMan FeelsDennyMan Tagmas');
          const row = overlay.locator(`[data-message-id="${id}"]`);
          await row.waitFor({ timeout: 5_000 });
          return row.locator('img.onair-emote').count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(3);
  }, 60_000);

  it('renders static, animated and zero-width emotes of all three providers, with srcset, CSP intact', async () => {
    const text = 'hi PagMan RainTime catJAM FeelsDennyMan SantaHat WolfPls Tagmas ffzHalo ffzDance WideHardo';
    const id = 'a1b2c3d4-0000-4000-8000-00000000e001';
    say(id, text);
    for (const { name, page, line, errors } of pages) {
      const row = page.locator(`[data-testid="${line}"][data-message-id="${id}"]`);
      await row.waitFor({ timeout: 15_000 });
      // Every emote image decoded (loaded from the fake CDN through the CSP). Not `naturalWidth`: a 1×1
      // test file picked through a `w` descriptor has a natural width below one pixel.
      const notLoaded = () =>
        row.locator('img.onair-emote').evaluateAll(async (imgs) => {
          const results = await Promise.allSettled(imgs.map((i) => (i as Img).decode()));
          return imgs.filter((_, n) => results[n]!.status === 'rejected').map((i) => (i as Img).alt);
        });
      await expect.poll(notLoaded, { timeout: 15_000 }).toEqual([]);
      const emoteInfo = await row.locator('img.onair-emote').evaluateAll((imgs) =>
        imgs.map((i) => {
          const img = i as Img;
          return {
            alt: img.alt,
            provider: img.dataset.provider,
            animated: 'animated' in img.dataset,
            srcset: img.srcset,
            current: img.currentSrc,
            zw: img.classList.contains('onair-emote--zero-width'),
            lazy: img.loading === 'lazy',
          };
        }),
      );
      expect(
        emoteInfo.map((e) => `${e.provider}:${e.alt}`),
        name,
      ).toEqual([
        '7tv:PagMan',
        '7tv:RainTime',
        '7tv:catJAM',
        'bttv:FeelsDennyMan',
        'bttv:SantaHat',
        'bttv:WolfPls',
        'ffz:Tagmas',
        'ffz:ffzHalo',
        'ffz:ffzDance',
        '7tv:WideHardo',
      ]);
      expect(emoteInfo.filter((e) => e.animated).map((e) => e.alt)).toEqual([
        'RainTime',
        'catJAM',
        'WolfPls',
        'ffzDance',
      ]);
      for (const e of emoteInfo) expect(e.srcset, e.alt).toMatch(/ \d+w, .* \d+w/);
      // Never lazy: Chromium kept each lazy image removed before it loaded, with its detached line (a leak:
      // docs/performance.md, bench:memory).
      expect(
        emoteInfo.filter((e) => e.lazy).map((e) => e.alt),
        name,
      ).toEqual([]);
      // Zero-width: drawn over the emote before them, inside one stack.
      const stacks = await row
        .locator('.onair-emote-stack')
        .evaluateAll((els) => els.map((el) => [...el.querySelectorAll('img')].map((i) => i.alt).join('+')));
      expect(stacks, name).toEqual(['PagMan+RainTime', 'FeelsDennyMan+SantaHat', 'Tagmas+ffzHalo']);
      const boxes = await row
        .locator('.onair-emote-stack')
        .first()
        .evaluate((el) =>
          [...el.querySelectorAll('img')]
            .map((i) => i.getBoundingClientRect())
            .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
        );
      expect(Math.abs(boxes[0]!.x - boxes[1]!.x), `${name}: overlay centred on base`).toBeLessThan(1.5);
      expect(Math.abs(boxes[0]!.y - boxes[1]!.y)).toBeLessThan(1.5);
      // The wide emote keeps its 3:1 box.
      const wide = await row.locator('img[alt="WideHardo"]').boundingBox();
      expect(wide!.width / wide!.height).toBeCloseTo(3, 0);
      // The file chosen is at least as wide as the emote is drawn × devicePixelRatio (not a scaled-up 1x).
      const fit = await row.locator('img[alt="PagMan"]').evaluate((i) => {
        const img = i as Img;
        const chosen = img.srcset.split(', ').find((c: string) => c.startsWith(img.currentSrc + ' '));
        return {
          w: Number(chosen?.split(' ')[1]?.slice(0, -1)),
          need: img.getBoundingClientRect().width * (globalThis as unknown as PageGlobals).devicePixelRatio,
        };
      });
      expect(fit.w, name).toBeGreaterThanOrEqual(Math.floor(fit.need));
      expect(errors, name).toEqual([]);
    }
    expect(emotes.cdnRequests.some((r) => r.startsWith('cdn.betterttv.net/emote/'))).toBe(true);
    expect(emotes.cdnRequests.some((r) => r.startsWith('cdn.frankerfacez.com/emote/'))).toBe(true);
  }, 60_000);

  it("an alert's viewer message shows the channel's emotes on /overlay", async () => {
    const { page } = pages[0]!;
    irc.inject(
      CHANNEL,
      `@badge-info=subscriber/3;badges=subscriber/3;color=;display-name=Viewer;emotes=;id=e2e-resub-1;login=viewer;` +
        `msg-id=resub;msg-param-cumulative-months=3;msg-param-sub-plan=1000;room-id=${numericId(CHANNEL)};` +
        `system-msg=;tmi-sent-ts=${Date.now()};user-id=4242 :tmi.twitch.tv USERNOTICE #${CHANNEL} :PagMan three months FeelsDennyMan`,
    );
    const card = page.locator('[data-testid="alert"][data-alert-type="resub"]');
    await card.waitFor({ timeout: 15_000 });
    const alts = await card.locator('img.onair-emote').evaluateAll((imgs) => imgs.map((i) => (i as Img).alt));
    expect(alts).toEqual(['PagMan', 'FeelsDennyMan']);
  }, 30_000);

  it('the CSP is in force: an image from another host is refused', async () => {
    const { page } = pages[0]!;
    const refused = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          (globalThis as unknown as PageGlobals).document.addEventListener(
            'securitypolicyviolation',
            (e) => resolve(e.blockedURI),
            { once: true },
          );
          const img = (globalThis as unknown as PageGlobals).document.createElement('img');
          img.src = 'https://evil.example/x.png';
          (globalThis as unknown as PageGlobals).document.body.append(img);
          setTimeout(() => resolve('not refused'), 3000);
        }),
    );
    expect(refused).toContain('evil.example');
  });
});
