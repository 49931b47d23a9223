import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { createMemorySecretStore, type SecretStore } from '../../src/main/core/providers/twitch/auth';
import type { ViewPush } from '../../src/shared/api';
import type { ChatMessage, Notice, OnAirEvent } from '../../src/shared/events';
import { storedLogin } from '../fakes/twitch-api/logged-in-auth';
import { startTwitchWorld, type TwitchWorld } from '../fakes/twitch-world';

/**
 * Issue 13.3, the core end to end against the fake Twitch: logged in, chat lines carry Helix badge images
 * (channel badges over global ones); the lists are cached on disk, so after a logout — and after a restart
 * with nobody logged in — the images stay. A failing Helix answer leaves pills and tells the console.
 */
const until = async (what: string, predicate: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

function privmsg(world: TwitchWorld, login: string, badges: string, badgeInfo: string, id: string): string {
  const tags =
    `@badge-info=${badgeInfo};badges=${badges};color=#1E90FF;display-name=${login};emotes=;id=${id};mod=0;` +
    `room-id=${world.userId('streamer')};subscriber=0;tmi-sent-ts=${Date.now()};turbo=0;` +
    `user-id=${world.userId(login)};user-type=`;
  return `${tags} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #streamer :hello`;
}

const loggedIn = (world: TwitchWorld): SecretStore => storedLogin(world.api).store;

interface Running {
  core: OnAirCore;
  events: OnAirEvent[];
  /** JOINs the fake IRC had seen before this core started (its own JOIN is the next one). */
  joinsBefore: number;
}

const joins = (world: TwitchWorld): number =>
  world.irc.received.filter((l) => l.startsWith('JOIN #streamer')).length;

async function startCore(world: TwitchWorld, dir: string, twitchStore: SecretStore): Promise<Running> {
  const joinsBefore = joins(world);
  const core = await createCore({
    settingsPath: join(dir, 'settings.json'),
    dataDir: dir,
    log: silentLogger,
    secretStore: (name) => (name === 'twitch' ? twitchStore : createMemorySecretStore()),
  });
  const events: OnAirEvent[] = [];
  await core.start();
  const view = core.attachView('mod', (push: ViewPush) => {
    if (push.type === 'events') events.push(...(push.events as OnAirEvent[]));
    // What happened before the view attached (e.g. a failed fetch at start) comes in the snapshot.
    if (push.type === 'snapshot' && 'notices' in push.snapshot) events.push(...push.snapshot.notices);
  });
  view.ready();
  return { core, events, joinsBefore };
}

const GLOBAL_MOD = 'https://static-cdn.jtvnw.net/badges/v1/3267646d-33f0-4b17-b3df-f923a41db1d0/1';
const CHANNEL_SUB = 'https://static-cdn.jtvnw.net/badges/v1/eb4a8a4c-eacd-4f5e-b9f2-394348310442';

describe('Twitch badge images (fake Helix, real core)', () => {
  let world: TwitchWorld;
  let dir: string;
  let running: Running | null = null;

  const lineFrom = async (badges: string, badgeInfo = ''): Promise<ChatMessage> => {
    const id = randomUUID();
    await until('the IRC join', () => joins(world) > running!.joinsBefore);
    world.irc.inject('streamer', [privmsg(world, 'viewer1', badges, badgeInfo, id)]);
    await until(`line ${id}`, () => running!.events.some((e) => e.kind === 'chat' && e.id === id));
    return running!.events.find((e): e is ChatMessage => e.kind === 'chat' && e.id === id)!;
  };
  const badgeRequests = () => world.api.requests.filter((r) => r.path.startsWith('/helix/chat/badges'));

  beforeAll(async () => {
    world = await startTwitchWorld();
    world.api.helix.badges.useDocumentedChannelBadges(world.userId('streamer'));
    dir = await mkdtemp(join(tmpdir(), 'onair-badges-'));
    const settings = {
      version: 1,
      ...world.settings,
      sources: [{ id: 'tw', type: 'twitch', channel: 'streamer', anonymous: false }],
    };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  });

  afterAll(async () => {
    await running?.core.stop();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('logged in: lines carry image URLs, 1x/2x/4x, channel badges before global ones', async () => {
    running = await startCore(world, dir, loggedIn(world));
    const cacheFile = join(dir, 'twitch-badges.json');
    const cachedChannels = async (): Promise<string[]> => {
      const text = await readFile(cacheFile, 'utf8').catch(() => '{}');
      const cache = JSON.parse(text) as { channels?: Array<{ broadcasterId: string }> };
      return (cache.channels ?? []).map((c) => c.broadcasterId);
    };
    await expect.poll(cachedChannels, { timeout: 10_000 }).toEqual([world.userId('streamer')]);
    const line = await lineFrom('moderator/1,subscriber/0,bits/1,no_audio/1', 'subscriber/3');
    const [mod, sub, bits, noAudio] = line.author.badges;
    expect(mod).toMatchObject({ setId: 'moderator', imageUrl: GLOBAL_MOD, title: 'Moderator' });
    expect(mod!.imageUrl4x).toBe(GLOBAL_MOD.replace(/1$/, '3'));
    // The channel's own subscriber badge (documented example), not the global one; months from badge-info.
    expect(sub).toMatchObject({ imageUrl: `${CHANNEL_SUB}/1`, imageUrl2x: `${CHANNEL_SUB}/2` });
    expect(sub!.title).toBe('Subscriber (3 months)');
    expect(bits!.title).toBe('cheer 1');
    expect(noAudio!.imageUrl).toMatch(/^https:\/\/static-cdn\.jtvnw\.net\/badges\/v1\//);
    // An id the catalogue does not know stays a pill (no image).
    const unknown = await lineFrom('made-up-badge/1');
    expect(unknown.author.badges[0]!.imageUrl).toBeUndefined();
    expect(badgeRequests().map((r) => [r.path, r.status])).toEqual([
      ['/helix/chat/badges/global', 200],
      ['/helix/chat/badges', 200],
    ]);
  });

  it('after a logout the images stay', async () => {
    running!.joinsBefore = joins(world); // the Twitch source reconnects anonymously after the logout
    expect(await running!.core.handlers.logoutTwitch(undefined)).toMatchObject({ ok: true });
    const line = await lineFrom('moderator/1');
    expect(line.author.badges[0]!.imageUrl).toBe(GLOBAL_MOD);
  });

  it('after a restart with nobody logged in, images come from the disk cache (no Helix call)', async () => {
    await running!.core.stop();
    const before = badgeRequests().length;
    running = await startCore(world, dir, createMemorySecretStore());
    const line = await lineFrom('subscriber/0,vip/1');
    expect(line.author.badges.map((b) => b.imageUrl)).toEqual([
      `${CHANNEL_SUB}/1`,
      expect.stringMatching(/^https:\/\/static-cdn\.jtvnw\.net\/badges\/v1\/.+\/1$/),
    ]);
    expect(badgeRequests().length).toBe(before);
  });

  it('a failing Helix answer: pills stay and the console is told once', async () => {
    await running!.core.stop();
    await rm(join(dir, 'twitch-badges.json'));
    world.api.failNext('GET', '/helix/chat/badges/global', 503, 'Service Unavailable');
    world.api.failNext('GET', '/helix/chat/badges', 503, 'Service Unavailable');
    running = await startCore(world, dir, loggedIn(world));
    await until('the failure notice', () =>
      running!.events.some((e) => e.kind === 'notice' && /badge images/.test(e.text)),
    );
    const line = await lineFrom('moderator/1');
    expect(line.author.badges[0]!.imageUrl).toBeUndefined();
    const notices = running.events.filter((e): e is Notice => e.kind === 'notice' && /badge/.test(e.text));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('HTTP 503');
  });
});
