import { afterEach, describe, expect, it } from 'vitest';
import {
  ALL_SCOPES,
  connected,
  enabledOn,
  EXPECTED_TYPES,
  FRIEND,
  followEvent,
  friendToken,
  inboundTraffic,
  liveSession,
  sleep,
  startRig,
  STREAMER,
  streamerToken,
  waitFor,
  type Rig,
} from '../fakes/twitch-api/eventsub-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const NO_TRAFFIC = { dataFrames: 0, closes4001: 0 };

describe('EventSub client against the fake server', () => {
  it('subscribes every type with the right conditions and maps a notification', async () => {
    rig = await startRig();
    rig.client.start();
    const session = await connected(rig);
    expect(enabledOn(rig, session)).toEqual(EXPECTED_TYPES);
    const subs = rig.server.fake.subscriptions();
    const condition = (type: string) => subs.find((s) => s.type === type)?.condition;
    expect(condition('channel.raid')).toEqual({ to_broadcaster_user_id: STREAMER.id });
    expect(condition('channel.follow')).toEqual({
      broadcaster_user_id: STREAMER.id,
      moderator_user_id: STREAMER.id,
    });
    expect(condition('channel.chat.clear')).toEqual({
      broadcaster_user_id: STREAMER.id,
      user_id: STREAMER.id,
    });
    expect(condition('channel.cheer')).toEqual({ broadcaster_user_id: STREAMER.id });

    rig.server.fake.notify('channel.cheer', {
      is_anonymous: false,
      user_id: '42',
      user_login: 'Cool_User',
      user_name: 'Cool_User',
      broadcaster_user_id: STREAMER.id,
      broadcaster_user_login: STREAMER.login,
      broadcaster_user_name: 'Streamer',
      message: 'Cheer100 nice',
      bits: 100,
    });
    await waitFor('cheer alert', () => rig!.ofKind('alert').length === 1);
    const [alert] = rig.ofKind('alert');
    expect(alert).toMatchObject({
      alertType: 'cheer',
      bits: 100,
      user: { id: '42', login: 'cool_user', displayName: 'Cool_User' },
      source: { sourceId: 'twitch:streamer' },
    });
    expect(rig.client.status()).toMatchObject({
      source: { sourceId: 'twitch-eventsub', provider: 'twitch', channel: 'streamer' },
      label: 'Twitch alerts (EventSub)',
    });
    expect(rig.logs.join('\n')).not.toContain('streamer-access-token');
    expect(inboundTraffic(rig)).toEqual(NO_TRAFFIC);
  });

  it('waits in login-needed without connecting, then connects once a token arrives', async () => {
    rig = await startRig({ loggedIn: false });
    rig.client.start();
    expect(rig.client.status().state).toBe('login-needed');
    await sleep(200);
    expect(rig.server.fake.sessions()).toEqual([]);
    rig.auth.set(streamerToken());
    await connected(rig);
    expect(rig.server.fake.sessions()).toHaveLength(1);
  });

  it('skips types the token lacks and reports refusals without stopping the others', async () => {
    const without = (scopes: string[], drop: string[]) => scopes.filter((s) => !drop.includes(s));
    rig = await startRig({
      clientScopes: without(ALL_SCOPES, ['bits:read', 'moderator:manage:automod']),
      // The server knows better: it also lacks the followers scope → 403 for channel.follow.
      serverScopes: without(ALL_SCOPES, [
        'bits:read',
        'moderator:manage:automod',
        'moderator:read:followers',
      ]),
    });
    rig.client.start();
    await waitFor('11 subscriptions', () => rig!.server.fake.sessions().some((s) => s.subscriptions === 11));
    await waitFor('refusal notice', () =>
      rig!.ofKind('notice').some((n) => n.code === 'eventsub_subscribe_failed'),
    );
    const skipped = rig.ofKind('notice').find((n) => n.code === 'eventsub_skipped')!;
    expect(skipped.text).toContain('channel.cheer');
    expect(skipped.text).toContain('automod.message.hold');
    const failed = rig.ofKind('notice').find((n) => n.code === 'eventsub_subscribe_failed')!;
    expect(failed.text).toContain('channel.follow (#streamer): 403');
    expect(rig.client.counters()).toMatchObject({ skipped: 3, subscribeFailures: 1, subscriptions: 11 });
    await sleep(100);
    expect(rig.client.status().state).toBe('connected');
  });

  it('resubscribe() adds a new channel on the same session (409s are fine)', async () => {
    rig = await startRig();
    rig.client.start();
    const session = await connected(rig);
    rig.channels.push({ login: FRIEND.login, userId: FRIEND.id });
    await rig.client.resubscribe();
    // A moderator of friend's channel gets the 10 types that do not need the broadcaster's own token.
    expect(rig.server.fake.sessions()).toMatchObject([{ id: session, subscriptions: 25 }]);
    expect(rig.ofKind('notice').some((n) => n.code === 'eventsub_subscribe_failed')).toBe(false);
    expect(rig.client.counters().subscriptions).toBe(25);
  });

  it('stops in failed (no 4003 loop) when Twitch refuses every subscription; retries when the failure is transient', async () => {
    rig = await startRig({
      createSubscription: () => async () => ({ ok: false, status: 403, message: 'nope' }),
    });
    rig.client.start();
    await waitFor('failed', () => rig!.client.status().state === 'failed');
    await sleep(300);
    expect(rig.server.fake.sessions()).toHaveLength(1);
    expect(rig.client.status().error).toContain('accepted no EventSub subscription');
    await rig.close();

    let calls = 0;
    rig = await startRig({
      createSubscription: (inner) => async (request) => {
        calls += 1;
        return calls <= 15 ? { ok: false, status: 503, message: 'unavailable' } : inner(request);
      },
    });
    rig.client.start();
    await connected(rig);
    expect(rig.server.fake.sessions().length).toBeGreaterThanOrEqual(2);
  });

  it('counts hostile frames and stays connected', async () => {
    rig = await startRig();
    rig.client.start();
    const session = await connected(rig);
    const meta = (type: string) => ({
      message_id: `x-${type}`,
      message_type: type,
      message_timestamp: 'garbage',
    });
    for (const raw of [
      'not json',
      '[1,2]',
      JSON.stringify({ metadata: meta('notification'), payload: { event: {} } }),
      JSON.stringify({ metadata: meta('something_new'), payload: {} }),
      JSON.stringify({
        metadata: {
          ...meta('notification'),
          message_id: 'y',
          subscription_type: 'channel.poll.begin',
          subscription_version: '1',
        },
        payload: { event: { a: 1 } },
      }),
      JSON.stringify({
        metadata: {
          ...meta('notification'),
          message_id: 'z',
          subscription_type: 'channel.cheer',
          subscription_version: '1',
        },
        payload: { event: { bits: 'lots' } },
      }),
    ]) {
      rig.server.fake.sendFrame(session, raw);
    }
    await waitFor('all counted', () => rig!.client.counters().malformedFrames === 4);
    expect(rig.client.counters()).toMatchObject({ malformedFrames: 4, unknownTypes: 2, events: 0 });
    rig.server.fake.notify('channel.follow', followEvent(7), { version: '2' });
    await waitFor('a good frame still maps', () => rig!.ofKind('alert').length === 1);
    expect(rig.client.status().state).toBe('connected');
  });

  it('a login change starts over on a fresh session with the new user; logging out stops', async () => {
    rig = await startRig();
    rig.client.start();
    const first = await connected(rig);
    rig.auth.set(friendToken());
    await waitFor('a session for the new login', () =>
      rig!.server.fake
        .sessions()
        .some((s) => s.id !== first && s.status === 'connected' && s.subscriptions === 10),
    );
    const session = liveSession(rig);
    const follow = rig.server.fake
      .subscriptions()
      .find((s) => s.transport.session_id === session && s.type === 'channel.follow');
    expect(follow?.condition).toEqual({ broadcaster_user_id: STREAMER.id, moderator_user_id: FRIEND.id });
    expect(rig.server.fake.sessions().find((s) => s.id === first)?.status).toBe('closed');
    expect(rig.client.status().source.channel).toBe('friend');
    rig.auth.set(null);
    await waitFor('login-needed', () => rig!.client.status().state === 'login-needed');
    await waitFor('socket closed', () => rig!.server.fake.sessions().every((s) => s.status === 'closed'));
  });
});
