import type { OnAirEvent } from '../../src/shared/events';
import { systemClock, type Clock } from '../../src/main/core/clock';
import { silentLogger, type Logger } from '../../src/main/core/log/logger';
import type { ChatSource, SourceContext } from '../../src/main/core/providers/source';

export interface SourceHarness {
  source: ChatSource;
  events: OnAirEvent[];
  of<K extends OnAirEvent['kind']>(kind: K): Extract<OnAirEvent, { kind: K }>[];
  /** Waits (bounded, wall time) until `check` holds; throws with `what` when it does not. */
  until(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Any source wired to an event list and started, for integration tests against a fake server. */
export function startSource(
  create: (ctx: SourceContext) => ChatSource,
  options: { clock?: Clock; log?: Logger } = {},
): SourceHarness {
  const events: OnAirEvent[] = [];
  const source = create({
    emit: (event) => events.push(event),
    log: options.log ?? silentLogger,
    clock: options.clock ?? systemClock,
    endpoints: {} as SourceContext['endpoints'],
  });
  source.start();
  const of = <K extends OnAirEvent['kind']>(kind: K) =>
    events.filter((e): e is Extract<OnAirEvent, { kind: K }> => e.kind === kind);
  return {
    source,
    events,
    of,
    until: async (what, check, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop: () => source.stop(),
  };
}
