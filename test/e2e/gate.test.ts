import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { FIXTURE_FILE, readLines } from '../unit/irc-corpus';
import { rendererBuilt, startStackWith, type Stack } from './harness';

/**
 * Issue 13.5–7 in Chromium: the moderation gate keeps removed lines off /overlay (also across a reload), the
 * demo leaves both views when a real source starts, and a watch streak's words show with their author.
 */
const GATE_SECONDS = 4;
const ROOM = 'room-id=11148817';

/** Every chat line id an overlay page ever drew, across reloads (kept in sessionStorage by an init script). */
const RECORD_LINES = `
  (() => {
    const seen = new Set(JSON.parse(sessionStorage.getItem('seen') || '[]'));
    const note = () => {
      for (const el of document.querySelectorAll('[data-testid="chat-line"]')) seen.add(el.dataset.messageId);
      sessionStorage.setItem('seen', JSON.stringify([...seen]));
    };
    new MutationObserver(note).observe(document, { childList: true, subtree: true });
  })();
`;
const seenOnOverlay = (page: Page): Promise<string[]> =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('seen') || '[]') as string[]);

const privmsg = (id: string, login: string, text: string): string =>
  `@badges=;color=#1E90FF;display-name=${login};emotes=;id=${id};mod=0;${ROOM};tmi-sent-ts=${Date.now()};user-id=9${id.length}${login.length};user-type= :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #streamer :${text}`;

describe.skipIf(!rendererBuilt())('Moderation gate, no demo on stream, viewers’ words (Chromium)', () => {
  let irc: FakeTwitchIrc;
  let stack: Stack;
  let overlay: Page;
  let mod: Page;
  const twitch = {
    id: 'tw',
    type: 'twitch' as const,
    enabled: true,
    channel: 'streamer',
    anonymous: true,
    gateSeconds: GATE_SECONDS,
  };

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    // No sources: the first-run demo runs (fast, so its lines are there at once).
    stack = await startStackWith({ version: 1, endpoints: { twitchIrc: irc.url }, sources: [] });
    overlay = await stack.browser.newPage();
    await overlay.addInitScript(RECORD_LINES);
    await overlay.goto(stack.server.overlayUrl);
    mod = await stack.browser.newPage();
    await mod.goto(stack.server.modUrl);
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    await irc?.stop();
  });

  it('marks demo lines on both views, and drops them from both (also after a reload) once a source is added', async () => {
    await overlay.locator('[data-testid="chat-line"][data-demo="true"]').first().waitFor({ timeout: 15_000 });
    await mod.locator('[data-testid="mod-line"].mod-line--demo').first().waitFor({ timeout: 15_000 });
    const saved = await stack.core.handlers.updateSettings({ sources: [twitch] });
    expect(saved.ok).toBe(true);
    await expect
      .poll(() => overlay.locator('[data-testid="chat-line"]').count(), { timeout: 10_000 })
      .toBe(0);
    await expect.poll(() => mod.locator('[data-testid="mod-line"]').count(), { timeout: 10_000 }).toBe(0);
    await overlay.reload();
    await mod.reload();
    await mod.locator('[data-testid="chat-list"]').waitFor();
    await overlay.waitForTimeout(1_000); // the demo wrote several lines a second: none may come back
    expect(await overlay.locator('[data-testid="chat-line"]').count()).toBe(0);
    expect(await mod.locator('[data-testid="mod-line"]').count()).toBe(0);
    await overlay.evaluate(() => sessionStorage.setItem('seen', '[]'));
  }, 60_000);

  it('never airs a line removed inside the gate, even across an overlay reload', async () => {
    await expect
      .poll(() => irc.received.some((line) => line.startsWith('JOIN #streamer')), { timeout: 10_000 })
      .toBe(true);
    irc.inject('streamer', [
      privmsg('gate-kept-off', 'troll', 'my address is …'),
      privmsg('gate-cleared', 'spammer', 'buy followers'),
      privmsg('gate-aired', 'friend', 'hello stream'),
    ]);
    // The console has them at once, with a countdown and "Keep off stream".
    const keptOff = mod.locator('[data-testid="mod-line"][data-message-id="gate-kept-off"]');
    await keptOff.waitFor({ timeout: 10_000 });
    await expect.poll(() => keptOff.locator('.mod-gate-count').textContent()).toMatch(/^airs in [1-4] s$/);
    await keptOff.getByRole('button', { name: /Keep troll's line off stream/ }).click();
    await expect
      .poll(() => keptOff.locator('.mod-removed-note').textContent(), { timeout: 5_000 })
      .toContain('kept off stream');
    // Another moderator deletes one on Twitch (CLEARMSG) inside the window.
    irc.inject(
      'streamer',
      `@login=spammer;${ROOM};target-msg-id=gate-cleared;tmi-sent-ts=${Date.now()} :tmi.twitch.tv CLEARMSG #streamer :buy followers`,
    );
    await overlay.reload(); // a reload inside the window: the snapshot holds none of them
    const aired = overlay.locator('[data-testid="chat-line"][data-message-id="gate-aired"]');
    await aired.waitFor({ timeout: (GATE_SECONDS + 6) * 1000 });
    await overlay.waitForTimeout(500);
    expect((await seenOnOverlay(overlay)).sort()).toEqual(['gate-aired']);
    await overlay.reload();
    await aired.waitFor({ timeout: 5_000 });
    expect((await seenOnOverlay(overlay)).sort()).toEqual(['gate-aired']);
    // Once aired, the countdown is gone from the console line.
    const airedInMod = mod.locator('[data-testid="mod-line"][data-message-id="gate-aired"]');
    expect(await airedInMod.locator('[data-testid="gate"]').count()).toBe(0);
  }, 60_000);

  it('shows a watch streak’s words with its author on /overlay (a real USERNOTICE)', async () => {
    const streak = readLines(FIXTURE_FILE).find(
      (line) => line.includes('msg-id=viewermilestone;') && line.includes('login=marriyumi;'),
    );
    expect(streak).toBeDefined();
    const id = /(?:^@|;)id=([^;]+)/.exec(streak!)?.[1];
    irc.inject('streamer', streak!.replace(/ USERNOTICE #\w+ /, ' USERNOTICE #streamer '));
    const line = overlay.locator(`[data-testid="chat-line"][data-message-id="${id}"]`);
    await line.waitFor({ timeout: (GATE_SECONDS + 6) * 1000 });
    expect(await line.locator('.onair-name').textContent()).toBe('まっりゆみ');
    expect(await line.locator('.onair-text').textContent()).toBe('ネメちゃんこんばんわ');
    expect(await line.locator('[data-testid="notice-text"]').textContent()).toContain('watch streak');
  }, 60_000);

  it('shows a resub alert with the viewer’s name colour, badges and words on /overlay', async () => {
    const resub = readLines(FIXTURE_FILE).find(
      (line) => line.includes('msg-id=resub;') && line.includes('login=karl_kons;'),
    );
    expect(resub).toBeDefined();
    irc.inject('streamer', resub!.replace(/ USERNOTICE #\w+ /, ' USERNOTICE #streamer '));
    const card = overlay.locator('[data-testid="alert"][data-alert-type="resub"]');
    await card.waitFor({ timeout: 10_000 });
    const name = card.locator('.onair-alert-user');
    expect(await name.textContent()).toBe('Karl_Kons');
    const colour = `getComputedStyle(document.querySelector('[data-testid="alert"] .onair-alert-user')).color`;
    expect(await overlay.evaluate<string>(colour)).toBe('rgb(31, 210, 255)'); // #1FD2FF
    expect(await card.locator('.onair-badge').count()).toBe(2); // moderator, subscriber
    // Its words: an emote, then text.
    expect(await card.locator('.onair-alert-message .onair-emote').count()).toBeGreaterThan(0);
  }, 60_000);
});
