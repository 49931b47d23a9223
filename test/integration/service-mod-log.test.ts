import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { createMemorySecretStore } from '../../src/main/core/providers/twitch/auth';
import { serializeLogin } from '../../src/main/core/providers/twitch/auth/stored-login';
import type { ModLogEntry } from '../../src/shared/events';
import { startTwitchWorld, type TwitchWorld } from '../fakes/twitch-world';

/**
 * Issue 15: moderation other moderators do, reported only by the service (IRC CLEARMSG/CLEARCHAT, EventSub
 * `channel.moderate`), reaches the moderation log and the user card once; our own actions echoed back by
 * the service are not logged twice. The real core against the fake Twitch world, logged in as the streamer.
 */
describe('service-reported moderation in the log', () => {
  let world: TwitchWorld;
  let core: OnAirCore;
  let dir: string;

  const until = async (what: string, predicate: () => boolean | Promise<boolean>, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await predicate())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const log = async (): Promise<ModLogEntry[]> => (await core.handlers.modLog({ limit: 200 })).entries;
  const about = async (login: string) =>
    (await log()).filter((e) => e.target === login || e.subject?.login === login);
  const say = (login: string, text: string, id: string) => {
    const tags =
      `@badge-info=;badges=;color=;display-name=${login};emotes=;flags=;id=${id};mod=0;` +
      `room-id=${world.userId('streamer')};subscriber=0;tmi-sent-ts=${Date.now()};turbo=0;` +
      `user-id=${world.userId(login)};user-type=`;
    world.irc.inject(
      'streamer',
      `${tags} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #streamer :${text}`,
    );
  };
  const room = () => `room-id=${world.userId('streamer')};tmi-sent-ts=${Date.now()}`;

  beforeAll(async () => {
    world = await startTwitchWorld();
    dir = await mkdtemp(join(tmpdir(), 'onair-service-modlog-'));
    const sources = [{ id: 'tw', type: 'twitch', channel: 'streamer', anonymous: false }];
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, ...world.settings, sources }));
    const minted = world.api.mintToken('streamer');
    const token = {
      accessToken: minted.accessToken,
      userId: '',
      login: '',
      scopes: [],
      clientId: world.api.clientId,
      expiresAt: null,
    };
    const store = createMemorySecretStore(serializeLogin({ token, refreshToken: minted.refreshToken }));
    core = await createCore({
      settingsPath: join(dir, 'settings.json'),
      dataDir: dir,
      log: silentLogger,
      secretStore: (name) => (name === 'twitch' ? store : createMemorySecretStore()),
    });
    await core.start();
    await until('EventSub channel.moderate', () =>
      world.api.eventSub.subscriptions().some((s) => s.type === 'channel.moderate'),
    );
    await until('IRC joined', () => world.irc.received.some((l) => l.startsWith('JOIN')));
  }, 30_000);

  afterAll(async () => {
    await core?.stop();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a CLEARMSG from another moderator is logged once, by "another moderator", with the line', async () => {
    const id = randomUUID();
    say('viewer1', 'a line another mod deletes', id);
    await until(
      'the line',
      async () =>
        (
          await core.handlers.userHistory({
            sourceId: 'tw',
            userId: world.userId('viewer1'),
            login: 'viewer1',
          })
        ).messages.length > 0,
    );
    world.irc.inject(
      'streamer',
      `@login=viewer1;${room()};target-msg-id=${id} :tmi.twitch.tv CLEARMSG #streamer :a line another mod deletes`,
    );
    await until('the log entry', async () => (await about('viewer1')).length > 0);
    const entries = await about('viewer1');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'another moderator',
      action: 'delete',
      result: 'ok',
      subject: { login: 'viewer1', messageText: 'a line another mod deletes' },
    });
    const card = await core.handlers.userCard({
      sourceId: 'tw',
      userId: world.userId('viewer1'),
      login: 'viewer1',
    });
    expect(card.actions.map((a) => a.action)).toEqual(['delete']);
  }, 20_000);

  it('a ban IRC and EventSub both report is logged once, by the moderator EventSub names', async () => {
    const troll = { user_id: world.userId('troll'), user_login: 'troll', user_name: 'Troll' };
    world.irc.inject(
      'streamer',
      `@${room()};target-user-id=${troll.user_id} :tmi.twitch.tv CLEARCHAT #streamer :troll`,
    );
    world.api.eventSub.notify(
      'channel.moderate',
      {
        broadcaster_user_id: world.userId('streamer'),
        broadcaster_user_login: 'streamer',
        broadcaster_user_name: 'Streamer',
        moderator_user_id: world.userId('moddy'),
        moderator_user_login: 'moddy',
        moderator_user_name: 'Moddy',
        action: 'ban',
        ban: { ...troll, reason: 'spam links' },
      },
      { version: '2' },
    );
    await until('the log entry', async () => (await about('troll')).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 3_500)); // past the window: nothing else arrives
    const entries = await about('troll');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'Moddy', action: 'ban', detail: 'spam links', result: 'ok' });
  }, 20_000);

  it('our own timeout, echoed by IRC CLEARCHAT, is logged once (ours)', async () => {
    say('otherstreamer', 'please time me out', randomUUID());
    const result = await core.handlers.act({
      type: 'timeout',
      sourceId: 'tw',
      userId: world.userId('otherstreamer'),
      login: 'otherstreamer',
      seconds: 60,
    });
    expect(result).toMatchObject({ ok: true });
    const banKey = `${world.userId('streamer')}:${world.userId('otherstreamer')}`;
    expect(world.api.moderation.bans.has(banKey)).toBe(true); // so the world echoed a CLEARCHAT
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const entries = await about('otherstreamer');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'streamer', action: 'timeout', result: 'ok' });
  }, 20_000);
});
