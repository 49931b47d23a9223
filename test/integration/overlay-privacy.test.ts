import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../../src/main/core/create-core';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { createMemorySecretStore } from '../../src/main/core/providers/twitch/auth';
import { startHeadlessServer, type HeadlessServer } from '../../src/main/headless/server';
import type { ModSnapshot, ViewPush } from '../../src/shared/api';
import type { ChatMessage, OnAirEvent } from '../../src/shared/events';
import { storedLogin } from '../fakes/twitch-api/logged-in-auth';
import { startTwitchWorld, type TwitchWorld } from '../fakes/twitch-world';

/**
 * Issue 11.4: `/ws/overlay` is read-only and needs no secret, so any local process can read it. The real core
 * (demo chat + a logged-in Twitch channel on the fake Twitch) goes through moderation, an AutoMod hold,
 * chatters, notices and a settings change; the overlay socket must carry none of it, while the mod socket
 * (the control) shows that all of it happened.
 */

type Frame = { push?: ViewPush };

/** Keys that only moderation or account data has; none may appear anywhere in an overlay frame. */
const MOD_ONLY_KEYS = [
  'modlog',
  'automod',
  'presence',
  'presenceCount',
  'notices',
  'statuses',
  'auth',
  'identity',
  'counters',
  'capabilities',
  'timeoutPresets',
  'queued',
  'recent',
  'status',
  'by',
  'durationSeconds',
  'extras',
];

function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysDeep(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysDeep(inner, into);
    }
  }
  return into;
}

async function openView(server: HeadlessServer, kind: 'overlay' | 'mod') {
  const origin = `http://127.0.0.1:${server.port}`;
  const protocols = kind === 'mod' ? ['onair-mod.v1', `secret.${server.secret}`] : [];
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${kind}`, protocols, { origin });
  const raw: string[] = [];
  ws.on('message', (data) => raw.push(data.toString()));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'ready' }));
  const frames = (): Frame[] => raw.map((text) => JSON.parse(text) as Frame);
  const events = (): OnAirEvent[] =>
    frames().flatMap((f) => (f.push?.type === 'events' ? (f.push.events as OnAirEvent[]) : []));
  return { ws, raw, frames, events };
}

let debug = (): string => '';
const until = async (what: string, predicate: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${debug()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

function privmsg(world: TwitchWorld, login: string, text: string, id: string): string {
  const tags =
    `@badge-info=;badges=;color=#1E90FF;display-name=${login};emotes=;first-msg=0;flags=;id=${id};mod=0;` +
    `room-id=${world.userId('streamer')};subscriber=0;tmi-sent-ts=${Date.now()};turbo=0;` +
    `user-id=${world.userId(login)};user-type=`;
  return `${tags} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #streamer :${text}`;
}

describe('the overlay socket carries only what the overlay renders', () => {
  let world: TwitchWorld;
  let core: OnAirCore;
  let server: HeadlessServer;
  let dir: string;
  let accessToken: string;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    world = await startTwitchWorld();
    dir = await mkdtemp(join(tmpdir(), 'onair-overlay-privacy-'));
    const settings = {
      version: 1,
      ...world.settings,
      // Twitch only: the demo never runs beside a real source (docs/events.md), so every line, removal,
      // chatter and alert below comes through the fake Twitch.
      sources: [{ id: 'tw', type: 'twitch', channel: 'streamer', anonymous: false }],
      alerts: { durationSeconds: 1 },
    };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
    const twitch = storedLogin(world.api);
    accessToken = twitch.accessToken;
    core = await createCore({
      settingsPath: join(dir, 'settings.json'),
      dataDir: dir,
      log: silentLogger,
      secretStore: (name) => (name === 'twitch' ? twitch.store : createMemorySecretStore()),
    });
    await core.start();
    server = await startHeadlessServer({ core, port: 0, rendererDir: dir, log: silentLogger });
  });

  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await server?.close();
    await core?.stop();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('moderation, AutoMod, chatters, notices and settings reach /ws/mod but not /ws/overlay', async () => {
    const overlay = await openView(server, 'overlay');
    const mod = await openView(server, 'mod');
    sockets.push(overlay.ws, mod.ws);
    debug = () => JSON.stringify([...new Set(mod.events().map((e) => e.kind))]);
    await until('the Twitch JOIN', () =>
      world.irc.received.some((line) => line.startsWith('JOIN #streamer')),
    );

    // Moderation of three chatters through Helix: a delete, a timeout and a ban, then an unban.
    for (const [i, login] of ['chatter1', 'chatter2', 'chatter3'].entries())
      world.api.store.addUser({ id: `200${i}`, login, displayName: login });
    const ids = ['line-a', 'line-b', 'line-c'].map(() => randomUUID());
    const keptLine = randomUUID();
    world.irc.inject('streamer', [
      `:chatter3!chatter3@chatter3.tmi.twitch.tv JOIN #streamer`,
      privmsg(world, 'viewer1', 'this line stays', keptLine),
      privmsg(world, 'chatter1', 'first!', ids[0]!),
      privmsg(world, 'chatter2', 'second', ids[1]!),
      privmsg(world, 'chatter3', 'third', ids[2]!),
    ]);
    await until('the chatters on the overlay', () =>
      ids.every((id) => overlay.events().some((e) => e.kind === 'chat' && e.id === id)),
    );
    const chatLines = mod.events().filter((e): e is ChatMessage => e.kind === 'chat');
    const [first, second, third] = ids.map((id) => chatLines.find((m) => m.id === id)!);
    const user = (m: ChatMessage) => ({ userId: m.author.id, login: m.author.login });
    expect(await core.handlers.act({ type: 'delete', sourceId: 'tw', messageId: first!.id })).toMatchObject({
      ok: true,
    });
    expect(
      await core.handlers.act({
        type: 'timeout',
        sourceId: 'tw',
        ...user(second!),
        seconds: 600,
        reason: 'x',
      }),
    ).toMatchObject({ ok: true });
    expect(await core.handlers.act({ type: 'ban', sourceId: 'tw', ...user(third!) })).toMatchObject({
      ok: true,
    });
    expect(await core.handlers.act({ type: 'unban', sourceId: 'tw', ...user(second!) })).toMatchObject({
      ok: true,
    });
    // A service notice (mod console only).
    world.irc.inject(
      'streamer',
      '@msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #streamer :This channel does not exist or has been suspended.',
    );
    // An alert: a resub with the viewer's words.
    world.irc.inject(
      'streamer',
      `@badge-info=;badges=;color=;display-name=Subby;id=${randomUUID()};login=subby;msg-id=resub;` +
        `msg-param-cumulative-months=5;msg-param-sub-plan=1000;room-id=${world.userId('streamer')};` +
        `system-msg=Subby\\ssubscribed;tmi-sent-ts=${Date.now()};user-id=${world.userId('subby')} ` +
        ':tmi.twitch.tv USERNOTICE #streamer :five months!',
    );

    // Twitch: AutoMod holds a message, and a troll is timed out through Helix (Twitch confirms on IRC).
    await until('the AutoMod subscription', () =>
      world.api.eventSub.subscriptions().some((s) => s.type.startsWith('automod.message')),
    );
    world.holdForAutoMod('streamer', 'held-1', 'viewer1', 'ass that was close');
    const trollLine = randomUUID();
    world.irc.inject('streamer', [privmsg(world, 'troll', 'buy followers', trollLine)]);
    await until('the troll line on the overlay', () =>
      overlay.events().some((e) => e.kind === 'chat' && e.id === trollLine),
    );
    const troll = world.userId('troll');
    const timeout = { type: 'timeout', sourceId: 'tw', userId: troll, login: 'troll', seconds: 60 } as const;
    expect(await core.handlers.act(timeout)).toMatchObject({ ok: true });
    await core.handlers.updateSettings({ twitch: { ...core.settings().twitch, timeoutPresets: [5, 50] } });

    // The control socket saw all of it (so the scenario really produced moderation data) …
    // Chatters and the account are in the mod console's snapshot.
    const modSnapshot = mod.frames()[0]!.push as { snapshot: ModSnapshot };
    expect(Object.keys(modSnapshot.snapshot.presence)).toContain('tw');
    await until('the chatter list on /ws/mod', () => mod.events().some((e) => e.kind === 'presence'));
    expect(modSnapshot.snapshot.auth.status).toBe('logged-in');
    const modKinds = () => new Set<string>(mod.events().map((e) => e.kind));
    const wanted = ['automod', 'modlog', 'notice', 'status', 'removal'];
    await until(`moderation data on /ws/mod (${wanted})`, () => wanted.every((k) => modKinds().has(k)));
    await until('the settings push on /ws/mod', () =>
      mod.frames().some((f) => f.push?.type === 'overlay' && 'timeoutPresets' in f.push),
    );
    await until('the Twitch removal on the overlay', () =>
      overlay.events().some((e) => e.kind === 'removal' && e.source.sourceId === 'tw'),
    );
    await until('an alert on the overlay', () =>
      overlay.frames().some((f) => f.push?.type === 'alerts' && f.push.alerts.active !== null),
    );

    // … and a fresh overlay starts from a snapshot taken after it.
    const late = await openView(server, 'overlay');
    sockets.push(late.ws);
    await until('the late overlay snapshot', () => late.frames().length > 0);
    const snapshot = late.frames()[0]!.push as {
      type: string;
      snapshot: object & { messages: ChatMessage[] };
    };
    expect(snapshot.type).toBe('snapshot');
    expect(Object.keys(snapshot.snapshot).sort()).toEqual(['alerts', 'messages', 'overlay']);
    const lines = snapshot.snapshot.messages;
    expect(lines.map((m) => m.id)).toContain(keptLine);
    expect(lines.some((m) => m.id === first!.id || m.removed)).toBe(false); // removed lines are not sent

    for (const view of [overlay, late]) {
      const frames = view.frames();
      expect(frames[0]?.push?.type).toBe('snapshot');
      for (const frame of frames)
        expect(['snapshot', 'events', 'alerts', 'overlay']).toContain(frame.push?.type);
      for (const event of view.events()) expect(['chat', 'removal']).toContain(event.kind);
      expect([...keysDeep(frames)].filter((key) => MOD_ONLY_KEYS.includes(key))).toEqual([]);
      const text = view.raw.join('\n');
      for (const secret of ['ass that was close', 'held-1', accessToken, server.secret]) {
        expect(text).not.toContain(secret);
      }
    }
    const settingsPush = overlay.frames().find((f) => f.push?.type === 'overlay')!.push!;
    expect(Object.keys(settingsPush).sort()).toEqual(['overlay', 'type']);
  });
});
