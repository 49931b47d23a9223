import { afterEach, describe, expect, it } from 'vitest';
import {
  FRIEND,
  followEvent,
  sleep,
  startRig,
  STREAMER,
  waitFor,
  type Rig,
} from '../fakes/twitch-api/eventsub-rig';

const EXPECTED_TYPES = [
  'automod.message.hold@2',
  'automod.message.update@2',
  'channel.channel_points_custom_reward_redemption.add@1',
  'channel.chat.clear@1',
  'channel.chat.clear_user_messages@1',
  'channel.chat.message_delete@1',
  'channel.cheer@1',
  'channel.follow@2',
  'channel.moderate@2',
  'channel.raid@1',
  'channel.subscribe@1',
  'channel.subscription.gift@1',
  'channel.subscription.message@1',
  'stream.offline@1',
  'stream.online@1',
];

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

function enabledOn(r: Rig, sessionId: string): string[] {
  return r.server.fake
    .subscriptions()
    .filter((s) => s.transport.session_id === sessionId && s.status === 'enabled')
    .map((s) => `${s.type}@${s.version}`)
    .sort();
}

function liveSession(r: Rig): string {
  const session = r.server.fake.sessions().find((s) => s.status === 'connected');
  if (!session) throw new Error('no connected session');
  return session.id;
}

async function connected(r: Rig): Promise<string> {
  await waitFor('15 subscriptions', () =>
    r.server.fake.sessions().some((s) => s.status === 'connected' && s.subscriptions === 15),
  );
  await waitFor('status connected', () => r.client.status().state === 'connected');
  return liveSession(r);
}

function assertNoInboundTraffic(r: Rig): void {
  expect(r.server.fake.inboundDataFrames()).toBe(0);
  expect(r.server.fake.closeLog().filter((c) => c.code === 4001)).toEqual([]);
}

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
    assertNoInboundTraffic(rig);
  });

  it('survives a session_reconnect under a steady stream: nothing lost, nothing duplicated, no resubscribe', async () => {
    rig = await startRig();
    rig.client.start();
    const first = await connected(rig);
    const total = 200;
    const sent: string[] = [];
    for (let n = 0; n < total; n += 1) {
      // Right after the drill the subscriptions still sit on the old session: those go out on the old socket.
      if (n === 100) rig.server.fake.reconnectDrill();
      sent.push(...rig.server.fake.notify('channel.follow', followEvent(n), { version: '2' }));
      if (n % 10 === 5) rig.server.fake.duplicateLast(); // at-least-once delivery
      await sleep(4);
    }
    await waitFor('all follows', () => rig!.ofKind('alert').length >= total, 8000);
    await sleep(150); // anything late (a duplicate) would show up now
    const alerts = rig.ofKind('alert');
    expect(alerts).toHaveLength(total);
    expect(new Set(alerts.map((a) => a.id)).size).toBe(total);
    expect(alerts.map((a) => a.user.login)).toEqual(Array.from({ length: total }, (_, n) => `fan_${n}`));
    expect(new Set(sent).size).toBe(total);
    // Whatever arrived twice during the overlap (old and new socket) was dropped by message id.
    const counters = rig.client.counters();
    expect(counters.notifications - counters.duplicatesDropped).toBe(total);
    expect(counters.duplicatesDropped).toBeGreaterThanOrEqual(20);
    console.info(
      `reconnect drill: ${counters.notifications} notifications received, ${counters.duplicatesDropped} duplicates dropped`,
    );

    const sessions = rig.server.fake.sessions();
    const old = sessions.find((s) => s.id === first)!;
    expect(old.status).toBe('closed');
    expect(old.successorId).not.toBeNull();
    // No new subscription was created: the same 15 moved to the new session.
    expect(rig.server.fake.subscriptions()).toHaveLength(15);
    expect(enabledOn(rig, old.successorId!)).toEqual(EXPECTED_TYPES);
    expect(rig.server.fake.closeLog().filter((c) => c.code === 4004)).toEqual([]);
    expect(rig.client.status().state).toBe('connected');
    assertNoInboundTraffic(rig);
  });

  it('reconnects and resubscribes when keepalives stop', async () => {
    rig = await startRig({ fake: { keepaliveSeconds: 1 } });
    rig.client.start();
    const first = await connected(rig);
    rig.server.fake.setKeepalive(first, false);
    await waitFor(
      'a second session with 15 subscriptions',
      () =>
        rig!.server.fake
          .sessions()
          .some((s) => s.id !== first && s.status === 'connected' && s.subscriptions === 15),
      4000,
    );
    const second = liveSession(rig);
    expect(enabledOn(rig, second)).toEqual(EXPECTED_TYPES);
    expect(
      rig.server.fake
        .subscriptions()
        .filter((s) => s.transport.session_id === first)
        .every((s) => s.status !== 'enabled'),
    ).toBe(true);
    await waitFor('connected again', () => rig!.client.status().state === 'connected');
    expect(rig.client.status().reconnects).toBeGreaterThanOrEqual(1);
    assertNoInboundTraffic(rig);
  });

  it('drops repeated message ids and stale notifications', async () => {
    rig = await startRig();
    rig.client.start();
    await connected(rig);
    rig.server.fake.notify('channel.follow', followEvent(1), { version: '2' });
    expect(rig.server.fake.duplicateLast()).toBe(1);
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000).toISOString();
    const nineMinutesAgo = new Date(Date.now() - 9 * 60_000).toISOString();
    rig.server.fake.notify('channel.follow', followEvent(2), { version: '2', timestamp: elevenMinutesAgo });
    rig.server.fake.notify('channel.follow', followEvent(3), { version: '2', timestamp: nineMinutesAgo });
    await waitFor('counters', () => rig!.client.counters().notifications === 4);
    expect(rig.ofKind('alert').map((a) => a.user.login)).toEqual(['fan_1', 'fan_3']);
    expect(rig.client.counters()).toMatchObject({ duplicatesDropped: 1, staleDropped: 1 });
  });

  it('reports a revocation as a notice and a status error', async () => {
    rig = await startRig();
    rig.client.start();
    await connected(rig);
    const follow = rig.server.fake.subscriptions().find((s) => s.type === 'channel.follow')!;
    rig.server.fake.revoke(follow.id, 'authorization_revoked');
    await waitFor('revocation notice', () =>
      rig!.ofKind('notice').some((n) => n.code === 'eventsub_revoked'),
    );
    const notice = rig.ofKind('notice').find((n) => n.code === 'eventsub_revoked')!;
    expect(notice).toMatchObject({ level: 'error', source: { sourceId: 'twitch-eventsub' } });
    expect(notice.text).toContain('channel.follow');
    expect(rig.client.status().error).toContain('authorization_revoked');
    expect(rig.client.counters().revocations).toBe(1);
    expect(rig.server.fake.notify('channel.follow', followEvent(1), { version: '2' })).toEqual([]);
  });

  it('turns close codes into notices, then reconnects on a fresh session and resubscribes', async () => {
    rig = await startRig();
    rig.client.start();
    const first = await connected(rig);
    await rig.server.fake.close(first, 4006);
    await waitFor('a fresh session with 15 subscriptions', () =>
      rig!.server.fake
        .sessions()
        .some((s) => s.id !== first && s.status === 'connected' && s.subscriptions === 15),
    );
    const notice = rig.ofKind('notice').find((n) => n.code === 'eventsub_close_4006');
    expect(notice?.text).toContain('network error');
    expect(rig.ofKind('status').some((s) => s.state === 'reconnecting' && s.error?.includes('4006'))).toBe(
      true,
    );
    expect(rig.client.counters().closeCodes).toBe(1);
    assertNoInboundTraffic(rig);
  });

  it('waits in login-needed without connecting, then connects once a token arrives', async () => {
    rig = await startRig({ loggedIn: false });
    rig.client.start();
    expect(rig.client.status().state).toBe('login-needed');
    await sleep(200);
    expect(rig.server.fake.sessions()).toEqual([]);
    const { streamerToken } = await import('../fakes/twitch-api/eventsub-rig');
    rig.auth.set(streamerToken());
    await connected(rig);
    expect(rig.server.fake.sessions()).toHaveLength(1);
  });

  it('skips types the token lacks and reports refusals without stopping the others', async () => {
    const without = (scopes: string[], drop: string[]) => scopes.filter((s) => !drop.includes(s));
    const { ALL_SCOPES } = await import('../fakes/twitch-api/eventsub-rig');
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
});
