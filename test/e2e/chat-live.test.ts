import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';
import {
  chatListBottomGap,
  firstVisibleModLine,
  pausedCount,
  reflowCount,
  watchChatState,
} from './page-probes';

const CORPUS = resolve(
  __dirname,
  '../../../shared/corpora/twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt',
);

/** Real #xqcow PRIVMSG lines that carry emotes (the images that used to arrive late and freeze the chat). */
function linesWithEmotes(count: number, from = 0): string[] {
  const all = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.includes(' PRIVMSG #'));
  const withEmotes = all.filter((l) => /(?:^@|;)emotes=\d/.test(l));
  const plain = all.filter((l) => !/(?:^@|;)emotes=\d/.test(l));
  // Two emote lines for each plain one, as in a busy channel.
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    return (i % 3 === 2 ? plain[i] : withEmotes[i]) ?? all[i]!;
  });
}

/** A valid RGBA PNG of the given size (what the emote CDN would send). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0xc0)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Item 2: live unless the moderator pauses — late images neither pause the chat nor reflow a line. */
describe.skipIf(!rendererBuilt())('mod chat stays live with real Twitch lines and late emote images', () => {
  let irc: FakeTwitchIrc;
  let stack: Stack;
  let mod: Page;
  let errors: { errors: string[] };
  const lines = linesWithEmotes(150);
  let imageRequests = 0;
  let releaseTimer: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    stack = await startStackWith({
      version: 1,
      endpoints: { twitchIrc: irc.url },
      sources: [{ id: 'tw', type: 'twitch', channel: 'xqcow', anonymous: true }],
    });
    mod = await stack.browser.newPage({ viewport: { width: 760, height: 600 } });
    errors = watchPage(mod);
    // Wide images in a narrow console make late images reflow lines, if anything lets them.
    const image = png(84, 28);
    const waiting: Array<() => void> = [];
    // The CDN answers in bursts (many images in one task), between lines, as it does for a busy chat.
    const release = setInterval(() => waiting.splice(0).forEach((go) => go()), 450);
    releaseTimer = release;
    await mod.route('https://static-cdn.jtvnw.net/**', async (route) => {
      imageRequests++;
      await new Promise<void>((go) => waiting.push(go));
      await route.fulfill({ status: 200, contentType: 'image/png', body: image }).catch(() => {});
    });
    await mod.addInitScript({ content: watchChatState });
    await mod.goto(stack.server.modUrl);
    const deadline = Date.now() + 10_000;
    while (!irc.received.some((l) => l.startsWith('JOIN #xqcow'))) {
      if (Date.now() > deadline) throw new Error('the source never joined #xqcow');
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    clearInterval(releaseTimer);
    await stack?.close();
    await irc?.stop();
  });

  it('never pauses by itself, and stays pinned to the newest line', async () => {
    await mod.mouse.move(750, 10); // off the chat: nobody is touching it
    const { sent } = await irc.replay(lines, 40, 'xqcow');
    expect(sent).toBe(lines.length);
    await mod.waitForTimeout(1500); // the last images land
    expect(imageRequests).toBeGreaterThan(20);
    expect(await mod.evaluate<number>(pausedCount)).toBe(0);
    await mod.locator('[data-testid="chat-live"]').waitFor();
    const gap = await mod.evaluate<number>(chatListBottomGap);
    expect(gap).toBeLessThan(2);
    expect(await mod.evaluate<number>(reflowCount)).toBe(0);
  });

  it('pauses when the moderator scrolls up, and holds there while lines arrive', async () => {
    await mod.mouse.move(750, 10);
    await mod.locator('[data-testid="pause-on-hover"]').uncheck(); // only the scroll pauses in this test
    await mod.mouse.move(200, 300);
    await mod.mouse.wheel(0, -600);
    await mod.locator('[data-testid="chat-paused"][data-reason="scroll"]').waitFor();
    const firstVisible = () => mod.evaluate<{ id: string | null; top: number | null }>(firstVisibleModLine);
    const before = await firstVisible();
    await irc.replay(linesWithEmotes(20, 200), 40, 'xqcow');
    await expect.poll(() => mod.textContent('[data-testid="chat-paused"]')).toMatch(/\d+ new/);
    expect(await firstVisible()).toEqual(before);
    await mod.click('[data-action="jump-to-live"]');
    await mod.locator('[data-testid="chat-live"]').waitFor();
    await mod.locator('[data-testid="pause-on-hover"]').check();
  });

  it('pauses on hover (the setting), with a visible paused state, and is live again when the pointer leaves', async () => {
    await mod.mouse.move(200, 300);
    await mod.locator('[data-testid="chat-paused"][data-reason="hover"]').waitFor();
    await mod.mouse.move(750, 10);
    await mod.locator('[data-testid="chat-live"]').waitFor();
    expect(errors.errors).toEqual([]);
  });
});
