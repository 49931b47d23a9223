import { describe, expect, it } from 'vitest';
import type { ModPush, OverlayPush } from '../../src/shared/api';
import { emptyAlertQueueState, type AlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { Hub } from '../../src/main/core/hub/hub';
import { FakeClock } from '../helpers/fake-clock';
import { alert, chat, ref, removal } from '../helpers/events';

/** Issue 11.4: each view kind gets its own snapshot and pushes; the overlay only what it renders. */
function makeHub() {
  const clock = new FakeClock();
  const hub = new Hub({
    clock,
    snapshotExtras: () => ({
      alerts: { ...emptyAlertQueueState, status: 'paused', queued: [alert({ id: 'waiting' })] },
      auth: { provider: 'twitch', status: 'logged-in', login: 'streamer' },
      overlay: defaultSettings().overlay,
      timeoutPresets: [60],
      highlights: defaultSettings().highlights,
    }),
  });
  const overlay: OverlayPush[] = [];
  const mod: ModPush[] = [];
  hub.attach('overlay', (push) => overlay.push(push)).ready();
  hub.attach('mod', (push) => mod.push(push)).ready();
  return { hub, clock, overlay, mod };
}

const twitchExtras = { twitch: { roomId: '1', userType: 'mod', clientNonce: 'n' } };

describe('Hub: a snapshot and pushes per view kind', () => {
  it('gives the overlay a snapshot of chat lines not removed, the alert on screen and its settings', () => {
    const { hub } = makeHub();
    hub.publish(chat({ id: 'kept', extras: twitchExtras }));
    hub.publish(chat({ id: 'gone' }));
    hub.publish(removal({ type: 'message', messageId: 'gone' }));
    hub.publish({
      kind: 'modlog',
      entry: { id: 'l', at: 0, sourceId: 'src', actor: 'me', action: 'delete', target: 'gone', result: 'ok' },
    });
    hub.publish({ kind: 'presence', source: ref, joined: ['ada'], left: [] });
    const snapshot = hub.overlaySnapshot();
    expect(Object.keys(snapshot).sort()).toEqual(['alerts', 'messages', 'overlay']);
    expect(snapshot.messages.map((m) => m.id)).toEqual(['kept']);
    expect(snapshot.messages[0]).not.toHaveProperty('extras');
    expect(snapshot.alerts).toEqual({ active: null, activeUntil: null, presentation: null, exiting: false });
    // The mod console's snapshot keeps everything, extras included.
    const full = hub.snapshot();
    expect(full.messages.map((m) => m.id)).toEqual(['kept', 'gone']);
    expect(full.messages[0]?.extras).toEqual(twitchExtras);
    expect(full.modlog).toHaveLength(1);
    expect(full.presence).toEqual({ src: ['ada'] });
  });

  it('sends the overlay chat lines and removals without who acted, and nothing else', () => {
    const { hub, clock, overlay, mod } = makeHub();
    hub.publish(chat({ id: 'a', extras: twitchExtras }));
    hub.publish(
      removal({ type: 'user', login: 'ada' }, { reason: 'timeout', by: 'mod_b', durationSeconds: 600 }),
    );
    hub.publish({ kind: 'notice', id: 'n', source: ref, level: 'warning', text: 'banned', at: 0 });
    hub.publish({ kind: 'auth', state: { provider: 'twitch', status: 'logged-out' } });
    clock.advance(20);
    const events = overlay.flatMap((p) => (p.type === 'events' ? p.events : []));
    expect(events).toEqual([
      expect.not.objectContaining({ extras: expect.anything() }),
      {
        kind: 'removal',
        source: ref,
        target: { type: 'user', login: 'ada' },
        reason: 'timeout',
        confirmed: true,
        at: 1,
      },
    ]);
    const modEvents = mod.flatMap((p) => (p.type === 'events' ? p.events : []));
    expect(modEvents.map((e) => e.kind)).toEqual(['chat', 'removal', 'notice', 'auth']);
    expect(modEvents[1]).toMatchObject({ by: 'mod_b', durationSeconds: 600 });
  });

  it('broadcasts the alert on screen to the overlay, the whole queue to the console, and settings apart', () => {
    const { hub, overlay, mod } = makeHub();
    const playing = alert({ id: 'on-screen' });
    const state = (over: Partial<AlertQueueState>): AlertQueueState => ({ ...emptyAlertQueueState, ...over });
    hub.broadcast({ type: 'alerts', alerts: state({ status: 'playing', active: playing, activeUntil: 5 }) });
    // A new alert queued behind it changes nothing the overlay shows: it is not told.
    hub.broadcast({
      type: 'alerts',
      alerts: state({ status: 'playing', active: playing, activeUntil: 5, queued: [alert()] }),
    });
    hub.broadcast({
      type: 'alerts',
      alerts: state({ status: 'paused', active: playing, activeUntil: null }),
    });
    hub.broadcast({
      type: 'overlay',
      overlay: defaultSettings().overlay,
      timeoutPresets: [1, 2],
      highlights: defaultSettings().highlights,
    });
    expect(overlay.slice(1)).toEqual([
      { type: 'alerts', alerts: { active: playing, activeUntil: 5, presentation: null, exiting: false } },
      { type: 'alerts', alerts: { active: playing, activeUntil: null, presentation: null, exiting: false } },
      { type: 'overlay', overlay: defaultSettings().overlay },
    ]);
    expect(mod.slice(1).map((p) => p.type)).toEqual(['alerts', 'alerts', 'alerts', 'overlay']);
    expect(mod[4]).toMatchObject({ timeoutPresets: [1, 2] });
  });
});
