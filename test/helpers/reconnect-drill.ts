import type { ConnectionCounters } from '../../src/main/core/net/connection-manager';
import type { SourceStatus } from '../../src/shared/events';
import type { FakeClock } from './fake-clock';

/**
 * Repeated short outages against a real fake server, timed by the source's FakeClock: the sockets are real,
 * the backoff timers are not. The clock only moves while no connect attempt is in flight, so a slow machine
 * makes the drill slower, never the measured delays longer.
 */
export interface DrillTarget {
  clock: FakeClock;
  status(): SourceStatus;
  /** The server drops every connection and refuses new ones. */
  drop(): Promise<void>;
  /** The server accepts connections again. */
  restore(): Promise<void>;
  /** Called before every clock step (e.g. to post a chat line on the server). */
  tick?(): void;
  /** Before the next drop: wait until everything the test checks has arrived. */
  ready?(): Promise<void>;
}

export interface DrillPlan {
  drops: number;
  /** Time from one drop to the next. */
  everyMs: number;
  /** How long the server stays down after drop `n` (0-based). */
  outageMs(n: number): number;
  stepMs?: number;
}

type Counters = Partial<ConnectionCounters>;

/** Polls (bounded) until `check` holds; throws with `what` on timeout. */
export async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Runs the plan; returns, per drop, the clock time from the drop to the next connection. */
export async function reconnectDrill(target: DrillTarget, plan: DrillPlan): Promise<number[]> {
  const counters = (): Counters => (target.status().counters ?? {}) as Counters;
  const n = (key: keyof ConnectionCounters): number => counters()[key] ?? 0;
  const settled = (): boolean => n('attempts') === n('connects') + n('failures');
  const established = (): boolean => n('connects') > 0 && n('sessions') === n('connects');
  const step = async (): Promise<void> => {
    target.tick?.();
    target.clock.advance(plan.stepMs ?? 10);
    await until('the connect attempt to finish', settled);
  };
  const delays: number[] = [];
  await until('the first session', established);
  for (let drop = 0; drop < plan.drops; drop++) {
    await target.ready?.();
    const droppedAt = target.clock.now();
    const connects = n('connects');
    await target.drop();
    await until('the drop to be noticed', () => target.status().state === 'reconnecting');
    let down = true;
    while (n('connects') === connects) {
      if (down && target.clock.now() - droppedAt >= plan.outageMs(drop)) {
        await target.restore();
        down = false;
      }
      if (target.clock.now() - droppedAt > 120_000) throw new Error(`no reconnect after drop ${drop}`);
      await step();
    }
    delays.push(target.clock.now() - droppedAt);
    if (down) await target.restore();
    await until(`session ${drop + 2} to be established`, established);
    while (target.clock.now() - droppedAt < plan.everyMs) await step();
  }
  return delays;
}
