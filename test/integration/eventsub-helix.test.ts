import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, OnAirEvent } from '../../src/shared/events';
import { systemClock } from '../../src/main/core/clock';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import type { TwitchAuthService } from '../../src/main/core/providers/twitch/auth';
import { createEventSubClient, type EventSubClient } from '../../src/main/core/providers/twitch/eventsub';
import { createHelixClient } from '../../src/main/core/providers/twitch/helix';
import { startFakeTwitchApi, type FakeTwitchApi } from '../fakes/twitch-api';
import { createLoggedInAuth } from '../fakes/twitch-api/logged-in-auth';
import { waitFor } from '../fakes/twitch-api/eventsub-rig';

/** The whole chain: real auth + real Helix client → the shared fake Twitch API with the EventSub module. */
describe('EventSub through the real Helix client and the combined fake Twitch API', () => {
  let api: FakeTwitchApi | null = null;
  let auth: TwitchAuthService | null = null;
  let client: EventSubClient | null = null;

  afterEach(async () => {
    await client?.stop();
    auth?.stop();
    await api?.close();
  });

  it('subscribes with the stored login, receives alerts and survives a reconnect drill', async () => {
    api = await startFakeTwitchApi();
    const logs = memorySink(5000);
    const log = createLogger(logs.sink, 'debug');
    ({ auth } = await createLoggedInAuth(api, { clock: systemClock, log }));
    const helix = createHelixClient({ baseUrl: api.helixBase, auth, clock: systemClock, log });
    const token = auth.token()!;
    const events: OnAirEvent[] = [];
    client = createEventSubClient({
      url: api.eventSubWsUrl,
      auth,
      createSubscription: (request) => helix.createEventSubSubscription(request),
      resolveRef: (login) => ({ sourceId: `twitch:${login}`, provider: 'twitch', channel: login }),
      emit: (event) => events.push(event),
      clock: systemClock,
      log,
      channels: () => [{ login: token.login, userId: token.userId }],
    });
    client.start();
    // The drill lands while subscriptions are still being created (Helix calls in flight).
    await waitFor('first subscriptions', () => api!.eventSub.subscriptions().length >= 3);
    const raid = {
      from_broadcaster_user_id: '1003',
      from_broadcaster_user_login: 'viewer1',
      from_broadcaster_user_name: 'Viewer1',
      to_broadcaster_user_id: token.userId,
      to_broadcaster_user_login: token.login,
      to_broadcaster_user_name: token.login,
      viewers: 12,
    };
    api.eventSub.reconnectDrill();
    await waitFor('all 15 on the new session', () =>
      api!.eventSub.sessions().some((s) => s.status === 'connected' && s.subscriptions === 15),
    );
    api.eventSub.notify('channel.raid', raid);
    api.eventSub.notify('channel.raid', { ...raid, viewers: 13 });
    api.eventSub.notify('channel.raid', { ...raid, viewers: 14 });
    await waitFor('three raids', () => events.filter((e) => e.kind === 'alert').length === 3);
    const raids = events.filter((e): e is Alert => e.kind === 'alert');
    expect(raids.map((a) => a.count)).toEqual([12, 13, 14]);
    expect(raids[0]).toMatchObject({ alertType: 'raid', user: { login: 'viewer1' } });
    expect(api.eventSub.subscriptions()).toHaveLength(15);
    expect(client.counters()).toMatchObject({ subscriptions: 15, subscribeFailures: 0 });
    expect(api.eventSub.inboundDataFrames()).toBe(0);
    expect(events.filter((e) => e.kind === 'notice' && e.code === 'eventsub_subscribe_failed')).toEqual([]);
    for (const secret of api.mintedSecrets())
      expect(logs.records.map((r) => r.message).join('\n')).not.toContain(secret);
  });
});
