import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createLogger, formatRecord, memorySink } from '../../src/main/core/log/logger';
import { startTwitchWorld, type TwitchWorld } from '../fakes/twitch-world';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

/**
 * Issue 5 end to end: the real core, the real UI in Chromium, and the fake Twitch (OAuth device flow, Helix,
 * EventSub, IRC) linked like the real one. Nothing here is scripted on OnAir's side.
 */
function privmsg(world: TwitchWorld, login: string, text: string, id = randomUUID()): string {
  const tags =
    `@badge-info=;badges=;color=#1E90FF;display-name=${login};emotes=;first-msg=0;flags=;id=${id};mod=0;` +
    `room-id=${world.userId('streamer')};subscriber=0;tmi-sent-ts=${Date.now()};turbo=0;` +
    `user-id=${world.userId(login)};user-type=`;
  return `${tags} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #streamer :${text}`;
}

describe.skipIf(!rendererBuilt())('Twitch account end to end (fake Twitch)', () => {
  let world: TwitchWorld;
  let stack: Stack;
  let mod: Page;
  let overlay: Page;
  const logs = memorySink(100_000);
  const consoleLines: string[] = [];

  beforeAll(async () => {
    world = await startTwitchWorld({ deviceIntervalSeconds: 1 });
    stack = await startStackWith(
      {
        version: 1,
        ...world.settings,
        sources: [{ id: 'tw', type: 'twitch', channel: 'streamer', anonymous: false }],
        alerts: { durationSeconds: 2 },
      },
      createLogger(logs.sink, 'debug'),
    );
    overlay = await stack.browser.newPage();
    mod = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const page of [overlay, mod]) page.on('console', (m) => consoleLines.push(m.text()));
    watchPage(mod);
    await overlay.goto(stack.server.overlayUrl);
    await mod.goto(stack.server.modUrl);
  });

  afterAll(async () => {
    await stack?.close();
    await world?.close();
  });

  it('logs in through the device flow (code shown, approved on "Twitch")', async () => {
    await mod.click('[data-tab="account"]');
    await mod.click('[data-action="login"]');
    const code =
      (await mod.locator('[data-testid="user-code"]').textContent({ timeout: 5000 }))?.trim() ?? '';
    expect(world.api.pendingUserCodes()).toContain(code);
    world.api.approveDevice(code, 'streamer');
    await mod
      .locator('[data-testid="twitch-login"]')
      .getByText(/streamer/i)
      .first()
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(() => world.api.eventSub.subscriptions().map((s) => s.type), { timeout: 10_000 })
      .toContain('channel.cheer');
    // IRC restarted with the token: the fake IRC saw a PASS for the streamer.
    await expect
      .poll(() => world.irc.received.some((line) => line.startsWith('PASS oauth:')), { timeout: 10_000 })
      .toBe(true);
  });

  it('shows a cheer and a gift bomb from EventSub as alerts on /overlay', async () => {
    const id = (login: string) => world.userId(login);
    const broadcaster = {
      broadcaster_user_id: id('streamer'),
      broadcaster_user_login: 'streamer',
      broadcaster_user_name: 'Streamer',
    };
    world.api.eventSub.notify('channel.cheer', {
      ...broadcaster,
      is_anonymous: false,
      user_id: id('viewer1'),
      user_login: 'viewer1',
      user_name: 'Viewer1',
      message: 'Cheer500 great stream',
      bits: 500,
    });
    world.api.eventSub.notify('channel.subscription.gift', {
      ...broadcaster,
      user_id: id('moddy'),
      user_login: 'moddy',
      user_name: 'Moddy',
      total: 20,
      tier: '1000',
      cumulative_total: null,
      is_anonymous: false,
    });
    const alert = overlay.locator('[data-testid="alert"]');
    await alert.getByText('Viewer1 cheered 500 bits').waitFor({ timeout: 10_000 });
    await alert.getByText('Moddy gifted 20 subs').waitFor({ timeout: 10_000 });
  });

  it('times a user out from /mod; Twitch confirms and their lines leave /overlay', async () => {
    const trollIds = [randomUUID(), randomUUID()];
    world.irc.inject('streamer', [
      privmsg(world, 'troll', 'buy followers at spam dot example', trollIds[0]),
      privmsg(world, 'viewer1', 'hello everyone'),
      privmsg(world, 'troll', 'seriously buy them', trollIds[1]),
    ]);
    const overlayLine = (id: string) => overlay.locator(`[data-testid="chat-line"][data-message-id="${id}"]`);
    await overlayLine(trollIds[0]!).waitFor({ timeout: 10_000 });
    await overlayLine(trollIds[1]!).waitFor();
    const line = mod.locator(`[data-testid="mod-line"][data-message-id="${trollIds[1]}"]`);
    await line.locator('[data-action="more"]').click();
    await mod.locator('[data-testid="line-menu"] [data-action="timeout-60"]').click();
    await expect.poll(() => world.api.moderation.bans.size, { timeout: 10_000 }).toBe(1);
    await overlayLine(trollIds[0]!).waitFor({ state: 'detached', timeout: 10_000 });
    await overlayLine(trollIds[1]!).waitFor({ state: 'detached' });
    expect(await overlay.getByText('hello everyone').count()).toBe(1);
    await mod.mouse.move(5, 5);
  });

  it('approves a message held by AutoMod', async () => {
    world.holdForAutoMod('streamer', 'held-1', 'viewer1', 'ass that was close');
    await mod.click('[data-tab="automod"]');
    const hold = mod.locator('[data-testid="automod-hold"]');
    await hold.getByText('ass that was close').waitFor({ timeout: 10_000 });
    await hold.locator('[data-action="automod-allow"]').click();
    await expect
      .poll(() => world.api.moderation.automodHolds.get('held-1')?.status, { timeout: 10_000 })
      .toBe('ALLOW');
    await hold
      .locator('[data-testid="automod-resolution"]')
      .getByText(/approved/i)
      .waitFor({ timeout: 10_000 });
  });

  it('the user card shows account age, follow age and (to the broadcaster) the subscription from Helix', async () => {
    const viewer = world.api.store.usersByLogin.get('viewer1')!;
    viewer.createdAt = '2018-06-01T12:00:00Z';
    world.api.helix.viewers.follow(world.userId('streamer'), viewer.id, '2021-02-03T12:00:00Z');
    world.api.helix.viewers.subscribe(world.userId('streamer'), viewer.id, { tier: '3000' });
    const id = randomUUID();
    world.irc.inject('streamer', privmsg(world, 'viewer1', 'what a card', id));
    const line = mod.locator(`[data-testid="mod-line"][data-message-id="${id}"]`);
    await line.locator('.mod-name').click({ timeout: 10_000 });
    const facts = mod.locator('[data-testid="user-card"] [data-testid="card-facts"]');
    const year = (iso: string) => new Date(iso).getFullYear();
    await expect
      .poll(() => facts.textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`Accountcreated .*${year('2018-06-01T12:00:00Z')} \\(\\d+ years\\)`));
    const text = (await facts.textContent()) ?? '';
    expect(text).toMatch(new RegExp(`Followssince .*${year('2021-02-03T12:00:00Z')} \\(\\d+ years\\)`));
    // Logged in as the broadcaster: Twitch itself tells the subscription.
    expect(text).toContain('SubscriptionTier 3');
    expect(world.api.requests.some((r) => r.path === '/helix/channels/followers' && r.status === 200)).toBe(
      true,
    );
    await mod.keyboard.press('Escape');
  });

  it('never shows a token in any log line or browser console output', () => {
    const secrets = world.api.mintedSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    const text = [...logs.records.map(formatRecord), ...consoleLines].join('\n');
    expect(logs.records.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
