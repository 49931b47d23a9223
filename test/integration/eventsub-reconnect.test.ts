import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../helpers/fake-clock';
import {
  connected,
  enabledOn,
  EXPECTED_TYPES,
  followEvent,
  inboundTraffic,
  liveSession,
  sleep,
  startRig,
  waitFor,
  type Rig,
} from '../fakes/twitch-api/eventsub-rig';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const NO_TRAFFIC = { dataFrames: 0, closes4001: 0 };

describe('EventSub client: reconnects, liveness, duplicates, revocations', () => {
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
    expect(inboundTraffic(rig)).toEqual(NO_TRAFFIC);
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
    expect(inboundTraffic(rig)).toEqual(NO_TRAFFIC);
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
    expect(inboundTraffic(rig)).toEqual(NO_TRAFFIC);
  });

  it('starts the backoff over after every session that delivered data, however short it was', async () => {
    const clock = new FakeClock();
    rig = await startRig({ clock });
    const r = rig;
    r.client.start();
    const delays: number[] = [];
    for (let n = 0; n < 4; n += 1) {
      const session = await connected(r);
      r.server.fake.notify('channel.follow', followEvent(n), { version: '2' }); // data after the welcome
      await waitFor('the follow', () => r.ofKind('alert').length === n + 1);
      await r.server.fake.close(session, 4006);
      await waitFor('the close', () => r.client.status().state === 'reconnecting');
      let waited = 0;
      // The manager clears the status error when its retry timer fires and the next attempt starts.
      while (r.client.status().error !== null && waited < 1000) {
        clock.advance(10);
        waited += 10;
      }
      delays.push(waited);
      await waitFor('the fresh session', () =>
        r.server.fake.sessions().some((s) => s.id !== session && s.status === 'connected'),
      );
    }
    // The rig's backoff starts at 50 ms (no jitter); without the reset it would double: 50, 100, 200, 400.
    expect(delays).toEqual([50, 50, 50, 50]);
  });
});
