import type { OnAirEvent } from '../../src/shared/events';
import type { TwitchSourceConfig } from '../../src/shared/settings';
import { systemClock, type Clock } from '../../src/main/core/clock';
import { silentLogger } from '../../src/main/core/log/logger';
import type { ChatSource } from '../../src/main/core/providers/source';
import { createTwitchIrcSource, type TwitchIrcDeps } from '../../src/main/core/providers/twitch/irc';
import type { TwitchAuth, TwitchToken } from '../../src/main/core/providers/twitch/account';
import {
  startFakeTwitchIrc,
  type FakeTwitchIrc,
  type FakeTwitchIrcOptions,
} from '../fakes/twitch-irc-server';

export interface Harness {
  fake: FakeTwitchIrc;
  source: ChatSource;
  events: OnAirEvent[];
  close(): Promise<void>;
}

export const fastBackoff = { initialMs: 50, maxMs: 200, factor: 2, jitter: 0.1 };

export async function startHarness(
  options: {
    fake?: FakeTwitchIrcOptions;
    deps?: TwitchIrcDeps;
    config?: Partial<TwitchSourceConfig>;
    fakeServer?: FakeTwitchIrc;
    /** The source's clock (a FakeClock for timing tests); sockets stay real. */
    clock?: Clock;
    /** Also called with every event the source emits (e.g. to feed a hub). */
    onEvent?: (event: OnAirEvent) => void;
  } = {},
): Promise<Harness> {
  const fake = options.fakeServer ?? (await startFakeTwitchIrc(options.fake));
  const events: OnAirEvent[] = [];
  const config: TwitchSourceConfig = {
    id: 'twitch:chan',
    type: 'twitch',
    enabled: true,
    channel: 'chan',
    anonymous: true,
    ...options.config,
  };
  const source = createTwitchIrcSource(
    config,
    {
      emit: (event) => {
        events.push(event);
        options.onEvent?.(event);
      },
      log: silentLogger,
      clock: options.clock ?? systemClock,
      endpoints: {
        twitchIrc: fake.url,
        twitchEventSub: 'ws://127.0.0.1:1',
        twitchHelix: 'http://127.0.0.1:1',
        twitchOAuth: 'http://127.0.0.1:1',
        bttvApi: 'http://127.0.0.1:1',
        ffzApi: 'http://127.0.0.1:1',
        seventvApi: 'http://127.0.0.1:1',
        seventvEvents: 'ws://127.0.0.1:1',
      },
    },
    // A private, generous JOIN window: tests reconnect more often than Twitch's 20 per 10 s allow.
    {
      backoff: fastBackoff,
      handshakeTimeoutMs: 2000,
      joinLimit: { count: 1000, windowMs: 10_000 },
      ...options.deps,
    },
  );
  source.start();
  return {
    fake,
    source,
    events,
    close: async () => {
      await source.stop();
      if (!options.fakeServer) await fake.stop();
    },
  };
}

/** Poll until `check` holds (bounded); throws with `what` on timeout. */
export async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function token(accessToken: string, login: string): TwitchToken {
  return {
    accessToken,
    login,
    userId: '1',
    scopes: ['chat:read', 'chat:edit'],
    clientId: 'c',
    expiresAt: null,
  };
}

/** A TwitchAuth whose refresh answers from a script; counts refresh calls. */
export function fakeAuth(
  current: TwitchToken | null,
  refreshTo: TwitchToken | null,
): TwitchAuth & { refreshes: string[] } {
  let now = current;
  const refreshes: string[] = [];
  return {
    refreshes,
    token: () => now,
    refresh: async (failed) => {
      refreshes.push(failed);
      now = refreshTo;
      return refreshTo;
    },
    onChange: () => () => {},
  };
}

export const chats = (events: OnAirEvent[]): Extract<OnAirEvent, { kind: 'chat' }>[] =>
  events.filter((event): event is Extract<OnAirEvent, { kind: 'chat' }> => event.kind === 'chat');

export const privmsgFor = (id: string, text: string, channel = 'chan'): string =>
  `@badge-info=;badges=;color=;display-name=U;emotes=;id=${id};mod=0;room-id=1;subscriber=0;tmi-sent-ts=1;user-id=2;user-type= :u!u@u.tmi.twitch.tv PRIVMSG #${channel} :${text}`;
