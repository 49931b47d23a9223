import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModAction } from '../../src/shared/api';
import { systemClock } from '../../src/main/core/clock';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import type { TwitchModeration } from '../../src/main/core/providers/twitch/account';
import type { TwitchAuthService } from '../../src/main/core/providers/twitch/auth';
import { createHelixClient, createTwitchModeration } from '../../src/main/core/providers/twitch/helix';
import { startFakeTwitchApi, type FakeModerationEvent, type FakeTwitchApi } from '../fakes/twitch-api';
import { createLoggedInAuth } from '../fakes/twitch-api/logged-in-auth';

const channel = { login: 'streamer', roomId: '1001' };
const sourceId = 'twitch:streamer';

describe('Twitch moderation through Helix (fake API)', () => {
  let api: FakeTwitchApi;
  const services: TwitchAuthService[] = [];
  const log = createLogger(memorySink().sink, 'debug');

  async function moderatorAs(login: string, scopes?: string[]): Promise<TwitchModeration> {
    const { auth } = await createLoggedInAuth(api, { login, scopes, clock: systemClock, log });
    services.push(auth);
    const helix = createHelixClient({ baseUrl: api.helixBase, auth, clock: systemClock, log });
    return createTwitchModeration({ helix, auth, log });
  }

  const statuses = (path: string) =>
    api.requests.filter((r) => r.path === `/helix${path}`).map((r) => r.status);

  beforeEach(async () => {
    api = await startFakeTwitchApi();
  });
  afterEach(async () => {
    services.splice(0).forEach((s) => s.stop());
    await api.close();
  });

  describe('as a moderator of the channel', () => {
    let mod: TwitchModeration;
    let events: FakeModerationEvent[];
    beforeEach(async () => {
      mod = await moderatorAs('moddy');
      events = [];
      api.onModeration((e) => events.push(e));
    });

    it('derives capabilities from the token scopes', () => {
      expect(mod.capabilities().sort()).toEqual(
        [
          'announce',
          'automod',
          'ban',
          'chatModes',
          'clearChat',
          'delete',
          'mod',
          'shoutout',
          'timeout',
          'unban',
          'unmod',
          'warn',
        ].sort(),
      );
    });

    it('deletes a message; a second delete (or a 7 h old message) is "gone"', async () => {
      api.addChatMessage('streamer', 'msg-1', 'viewer1');
      api.addChatMessage('streamer', 'msg-old', 'viewer1', 7 * 3600_000);
      expect(await mod.act(channel, { type: 'delete', sourceId, messageId: 'msg-1' })).toEqual({
        ok: true,
        local: false,
      });
      expect(api.moderation.deletedMessageIds).toEqual(['msg-1']);
      expect(events).toEqual([
        { type: 'delete', broadcasterId: '1001', messageId: 'msg-1', moderatorId: '1002' },
      ]);
      const gone = { ok: false, code: 'not-found', message: 'That message is gone or older than 6 hours.' };
      expect(await mod.act(channel, { type: 'delete', sourceId, messageId: 'msg-1' })).toEqual(gone);
      expect(await mod.act(channel, { type: 'delete', sourceId, messageId: 'msg-old' })).toEqual(gone);
    });

    it('times out, bans and unbans, with Twitch’s own text for refusals', async () => {
      const target = { sourceId, userId: '1003', login: 'viewer1' };
      const before = Date.now();
      expect(
        await mod.act(channel, { type: 'timeout', ...target, seconds: 600, reason: 'calm down' }),
      ).toMatchObject({ ok: true });
      const timeout = api.moderation.bans.get('1001:1003');
      expect(timeout).toMatchObject({ moderatorId: '1002', reason: 'calm down' });
      expect(timeout?.expiresAt).toBeGreaterThanOrEqual(before + 600_000);
      expect(await mod.act(channel, { type: 'ban', ...target })).toMatchObject({ ok: true });
      expect(api.moderation.bans.get('1001:1003')?.expiresAt).toBeNull();
      expect(await mod.act(channel, { type: 'timeout', ...target, seconds: 60 })).toEqual({
        ok: false,
        code: 'bad-request',
        message: 'user is already banned',
      });
      expect(await mod.act(channel, { type: 'unban', ...target })).toMatchObject({ ok: true });
      expect(api.moderation.bans.size).toBe(0);
      expect(await mod.act(channel, { type: 'unban', ...target })).toMatchObject({
        ok: false,
        message: 'user is not banned',
      });
      expect(events.map((e) => e.type)).toEqual(['ban', 'ban', 'unban']);
      expect(events[0]).toMatchObject({ durationSeconds: 600 });
      expect(events[1]).toMatchObject({ durationSeconds: null });
    });

    it('warns a user', async () => {
      const result = await mod.act(channel, {
        type: 'warn',
        sourceId,
        userId: '1004',
        login: 'troll',
        reason: 'no spam',
      });
      expect(result).toEqual({ ok: true, local: false });
      expect(api.moderation.warnings).toEqual([
        { broadcasterId: '1001', userId: '1004', moderatorId: '1002', reason: 'no spam' },
      ]);
    });

    it('allows and denies AutoMod holds; a handled hold is gone', async () => {
      api.holdAutoModMessage('streamer', 'held-1', 'troll');
      api.holdAutoModMessage('streamer', 'held-2', 'troll');
      expect(
        await mod.act(channel, { type: 'automod', sourceId, holdId: 'held-1', allow: true }),
      ).toMatchObject({ ok: true });
      expect(
        await mod.act(channel, { type: 'automod', sourceId, holdId: 'held-2', allow: false }),
      ).toMatchObject({ ok: true });
      expect(api.moderation.automodHolds.get('held-1')?.status).toBe('ALLOW');
      expect(api.moderation.automodHolds.get('held-2')?.status).toBe('DENY');
      expect(await mod.act(channel, { type: 'automod', sourceId, holdId: 'held-1', allow: false })).toEqual({
        ok: false,
        code: 'not-found',
        message: 'That held message was already handled or expired.',
      });
    });

    it('changes chat modes with Twitch’s flag + duration rules', async () => {
      const on: ModAction = {
        type: 'chatModes',
        sourceId,
        modes: { slowSeconds: 10, emoteOnly: true, followersOnlyMinutes: 0 },
      };
      expect(await mod.act(channel, on)).toMatchObject({ ok: true });
      expect(api.moderation.settingsFor('1001')).toMatchObject({
        slow_mode: true,
        slow_mode_wait_time: 10,
        emote_mode: true,
        follower_mode: true,
        follower_mode_duration: 0,
      });
      const off: ModAction = {
        type: 'chatModes',
        sourceId,
        modes: { slowSeconds: 0, followersOnlyMinutes: null, subsOnly: true },
      };
      expect(await mod.act(channel, off)).toMatchObject({ ok: true });
      expect(api.moderation.settingsFor('1001')).toMatchObject({
        slow_mode: false,
        slow_mode_wait_time: null,
        follower_mode: false,
        follower_mode_duration: null,
        subscriber_mode: true,
        emote_mode: true,
      });
      const tooFast = await mod.act(channel, { type: 'chatModes', sourceId, modes: { slowSeconds: 2 } });
      expect(tooFast).toMatchObject({
        ok: false,
        code: 'bad-request',
        message: expect.stringMatching(/3 to 120/),
      });
      expect(await mod.act(channel, { type: 'chatModes', sourceId, modes: {} })).toMatchObject({
        ok: false,
        code: 'bad-request',
      });
      expect(statuses('/chat/settings')).toEqual([200, 200]);
    });

    it('shouts out (by login) and hits the 2-minute limit', async () => {
      expect(await mod.act(channel, { type: 'shoutout', sourceId, login: 'otherstreamer' })).toEqual({
        ok: true,
        local: false,
      });
      expect(api.moderation.shoutouts).toMatchObject([{ broadcasterId: '1001', toBroadcasterId: '1005' }]);
      expect(await mod.act(channel, { type: 'shoutout', sourceId, login: 'otherstreamer' })).toEqual({
        ok: false,
        code: 'rate-limited',
        message: 'Twitch rate limit — wait a moment.',
      });
      expect(await mod.act(channel, { type: 'shoutout', sourceId, login: 'no_such_user' })).toEqual({
        ok: false,
        code: 'bad-request',
        message: 'There is no Twitch user called "no_such_user".',
      });
    });

    it('announces, once per 2 seconds', async () => {
      expect(
        await mod.act(channel, { type: 'announce', sourceId, text: 'Welcome!', color: 'purple' }),
      ).toMatchObject({ ok: true });
      expect(api.moderation.announcements).toMatchObject([{ message: 'Welcome!', color: 'purple' }]);
      expect(await mod.act(channel, { type: 'announce', sourceId, text: 'Again' })).toMatchObject({
        ok: false,
        code: 'rate-limited',
        message: 'Twitch rate limit — wait a moment.',
      });
    });

    it('clears the chat', async () => {
      expect(await mod.act(channel, { type: 'clearChat', sourceId })).toEqual({ ok: true, local: false });
      expect(api.moderation.clears).toHaveLength(1);
      expect(events).toEqual([{ type: 'clear', broadcasterId: '1001', moderatorId: '1002' }]);
    });

    it('looks up the broadcaster id once when the channel has no room id', async () => {
      const byLogin = { login: 'streamer' };
      expect(await mod.act(byLogin, { type: 'clearChat', sourceId })).toMatchObject({ ok: true });
      expect(await mod.act(byLogin, { type: 'clearChat', sourceId })).toMatchObject({ ok: true });
      expect(statuses('/users')).toEqual([200]);
    });

    it('may not add moderators (broadcaster only)', async () => {
      expect(await mod.act(channel, { type: 'mod', sourceId, login: 'viewer1' })).toEqual({
        ok: false,
        code: 'unauthorized',
        message: 'Only the broadcaster of #streamer can add or remove moderators.',
      });
    });

    it('retries a 409 once after a pause, then succeeds', async () => {
      api.failNext('POST', '/helix/moderation/bans', 409, 'Conflict: the user is being updated');
      const started = Date.now();
      const result = await mod.act(channel, { type: 'ban', sourceId, userId: '1004', login: 'troll' });
      expect(result).toEqual({ ok: true, local: false });
      expect(Date.now() - started).toBeGreaterThanOrEqual(450);
      expect(statuses('/moderation/bans')).toEqual([409, 200]);
    });

    it('a second 409 gives up with a clear message', async () => {
      api.failNext('POST', '/helix/moderation/bans', 409, 'Conflict');
      api.failNext('POST', '/helix/moderation/bans', 409, 'Conflict');
      const result = await mod.act(channel, { type: 'ban', sourceId, userId: '1004', login: 'troll' });
      expect(result).toEqual({
        ok: false,
        code: 'conflict',
        message: "Someone else is changing this user's ban — try again.",
      });
      expect(statuses('/moderation/bans')).toEqual([409, 409]);
    });

    it('maps a 429 to "wait a moment"', async () => {
      api.failNext('POST', '/helix/moderation/bans', 429, 'Too Many Requests');
      const result = await mod.act(channel, {
        type: 'timeout',
        sourceId,
        userId: '1004',
        login: 'troll',
        seconds: 5,
      });
      expect(result).toEqual({
        ok: false,
        code: 'rate-limited',
        message: 'Twitch rate limit — wait a moment.',
      });
    });

    it('maps a server-side missing scope 401 to "log in again"', async () => {
      api.failNext('DELETE', '/helix/moderation/chat', 401, 'Missing scope: moderator:manage:chat_messages');
      const result = await mod.act(channel, { type: 'delete', sourceId, messageId: 'x' });
      expect(result).toEqual({
        ok: false,
        code: 'unauthorized',
        message: 'OnAir lacks the permission "moderator:manage:chat_messages" — log in again.',
      });
      expect(api.refreshCount).toBe(0);
    });

    it('has no IP bans or user config on Twitch', async () => {
      expect(await mod.act(channel, { type: 'ipban', sourceId, address: '1.2.3.4' })).toMatchObject({
        ok: false,
        code: 'unsupported',
      });
    });
  });

  it('as the broadcaster: adds and removes moderators', async () => {
    const mod = await moderatorAs('streamer');
    expect(await mod.act(channel, { type: 'mod', sourceId, login: 'viewer1' })).toEqual({
      ok: true,
      local: false,
    });
    expect(api.store.isModerator('1001', '1003')).toBe(true);
    expect(await mod.act(channel, { type: 'unmod', sourceId, login: 'viewer1', userId: '1003' })).toEqual({
      ok: true,
      local: false,
    });
    expect(api.store.isModerator('1001', '1003')).toBe(false);
    expect(await mod.act(channel, { type: 'unmod', sourceId, login: 'viewer1' })).toMatchObject({
      ok: false,
      message: 'user is not a mod',
    });
  });

  it('not a moderator → 403 with the channel named', async () => {
    const mod = await moderatorAs('viewer1');
    const result = await mod.act(channel, {
      type: 'timeout',
      sourceId,
      userId: '1004',
      login: 'troll',
      seconds: 60,
    });
    expect(result).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'You are not a moderator of #streamer.',
    });
  });

  it('a token without the scope says which permission is missing, before calling Twitch', async () => {
    const mod = await moderatorAs('moddy', ['chat:read', 'moderator:manage:chat_messages']);
    expect(mod.capabilities().sort()).toEqual(['clearChat', 'delete']);
    const result = await mod.act(channel, { type: 'ban', sourceId, userId: '1004', login: 'troll' });
    expect(result).toEqual({
      ok: false,
      code: 'unauthorized',
      message: 'OnAir lacks the permission "moderator:manage:banned_users" — log in again.',
    });
    expect(statuses('/moderation/bans')).toEqual([]);
  });

  it('logged out: no capabilities, a clear refusal', async () => {
    const mod = await moderatorAs('moddy');
    await services[0]?.logout();
    expect(mod.capabilities()).toEqual([]);
    expect(await mod.act(channel, { type: 'clearChat', sourceId })).toEqual({
      ok: false,
      code: 'unauthorized',
      message: 'Log in to Twitch to moderate.',
    });
  });
});
