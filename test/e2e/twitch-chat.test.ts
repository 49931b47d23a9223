import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { rendererBuilt, startStackWith, type Stack } from './harness';

const CORPUS = resolve(
  __dirname,
  '../../../shared/corpora/twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt',
);

/** Real #xqcow lines: id tag, user id and text of each PRIVMSG. */
function corpusPrivmsgs(count: number): Array<{ line: string; id: string; userId: string }> {
  const out: Array<{ line: string; id: string; userId: string }> = [];
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    if (!line.includes(' PRIVMSG #')) continue;
    const id = /(?:^@|;)id=([^;]+)/.exec(line)?.[1];
    const userId = /;user-id=(\d+)/.exec(line)?.[1];
    if (id && userId) out.push({ line, id, userId });
    if (out.length === count) break;
  }
  return out;
}

/** Issue 3 end to end: real #xqcow lines replayed by the fake Twitch IRC server reach /overlay; removals too. */
describe.skipIf(!rendererBuilt())('Twitch chat end to end (fake Twitch IRC, real lines)', () => {
  let irc: FakeTwitchIrc;
  let stack: Stack;
  let overlay: Page;
  const lines = corpusPrivmsgs(120);
  const overlayLine = (id: string) => overlay.locator(`[data-testid="chat-line"][data-message-id="${id}"]`);

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    stack = await startStackWith({
      version: 1,
      endpoints: { twitchIrc: irc.url },
      sources: [{ id: 'tw', type: 'twitch', channel: 'xqcow', anonymous: true }],
      overlay: { maxLines: 40 },
    });
    overlay = await stack.browser.newPage();
    await overlay.goto(stack.server.overlayUrl);
  });

  afterAll(async () => {
    await stack?.close();
    await irc?.stop();
  });

  it('shows a replayed channel on /overlay', async () => {
    await expect
      .poll(() => irc.received.some((l) => l.startsWith('JOIN #xqcow')), { timeout: 10_000 })
      .toBe(true);
    const { sent } = await irc.replay(
      lines.map((l) => l.line),
      200,
      'xqcow',
    );
    expect(sent).toBe(lines.length);
    await overlayLine(lines.at(-1)!.id).waitFor({ timeout: 10_000 });
    expect(await overlay.locator('[data-testid="chat-line"]').count()).toBeGreaterThanOrEqual(20);
  });

  it("removes a line on CLEARMSG and a user's lines on a timeout", async () => {
    const visible = lines.slice(-15);
    const deleted = visible[0]!;
    const now = Date.now();
    irc.inject(
      'xqcow',
      `@login=x;room-id=71092938;target-msg-id=${deleted.id};tmi-sent-ts=${now} :tmi.twitch.tv CLEARMSG #xqcow :gone`,
    );
    await overlayLine(deleted.id).waitFor({ state: 'detached', timeout: 10_000 });

    const victim = visible.at(-1)!;
    const victimLines = visible.filter((l) => l.userId === victim.userId);
    const survivor = visible.find((l) => l.userId !== victim.userId && l.id !== deleted.id)!;
    irc.inject(
      'xqcow',
      `@ban-duration=600;room-id=71092938;target-user-id=${victim.userId};tmi-sent-ts=${now} :tmi.twitch.tv CLEARCHAT #xqcow :victim`,
    );
    for (const l of victimLines) await overlayLine(l.id).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await overlayLine(survivor.id).count()).toBe(1);
  });
});
