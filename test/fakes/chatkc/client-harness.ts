import type { ChatMessage, OnAirEvent } from '../../../src/shared/events';
import { systemClock, type Clock } from '../../../src/main/core/clock';
import { silentLogger } from '../../../src/main/core/log/logger';
import type { ChatSource } from '../../../src/main/core/providers/source';
import { createChatKcSource, type ChatKcDeps } from '../../../src/main/core/providers/chatkc';

export interface ClientHarness {
  source: ChatSource;
  events: OnAirEvent[];
  chats(): ChatMessage[];
  of<K extends OnAirEvent['kind']>(kind: K): Extract<OnAirEvent, { kind: K }>[];
  /** Waits (bounded) until `check` holds; throws with `what` when it does not. */
  until(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A ChatKC source wired to an event list, for integration tests against a fake server. */
export function startChatKcClient(
  url: string,
  deps: Partial<ChatKcDeps> = {},
  clock: Clock = systemClock,
): ClientHarness {
  const events: OnAirEvent[] = [];
  const source = createChatKcSource(
    { id: 'chatkc:test', type: 'chatkc', enabled: true, url, channel: 'test' },
    { emit: (e) => events.push(e), log: silentLogger, clock, endpoints: {} as never },
    { token: null, random: () => 0.5, ...deps },
  );
  source.start();
  const of = <K extends OnAirEvent['kind']>(kind: K) =>
    events.filter((e): e is Extract<OnAirEvent, { kind: K }> => e.kind === kind);
  return {
    source,
    events,
    of,
    chats: () => of('chat'),
    until: async (what, check, timeoutMs = 3000) => {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop: () => source.stop(),
  };
}
