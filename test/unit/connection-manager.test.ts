import { describe, expect, it } from 'vitest';
import {
  ConnectionManager,
  FatalConnectionError,
  type CloseInfo,
  type ManagedConnection,
} from '../../src/main/core/net/connection-manager';
import { StatusReporter } from '../../src/main/core/net/status-reporter';
import { silentLogger } from '../../src/main/core/log/logger';
import type { OnAirEvent } from '../../src/shared/events';
import { FakeClock } from '../helpers/fake-clock';
import { ref } from '../helpers/events';

class FakeConnection implements ManagedConnection {
  closedWith: string | null = null;
  private resolveClosed!: (info: CloseInfo) => void;
  readonly closed = new Promise<CloseInfo>((resolve) => (this.resolveClosed = resolve));
  /** Data arrived after the handshake. */
  prove!: () => void;
  readonly established = new Promise<void>((resolve) => (this.prove = resolve));
  constructor(readonly n: number) {}
  close(reason: string): void {
    this.closedWith = reason;
    this.resolveClosed({ reason });
  }
  die(reason = 'network', retry?: boolean): void {
    this.resolveClosed({ reason, retry });
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(plan: Array<'ok' | 'fail' | 'fatal'> = []) {
  const clock = new FakeClock();
  const events: OnAirEvent[] = [];
  const reporter = new StatusReporter(ref, 'test', (e) => events.push(e), clock);
  const made: FakeConnection[] = [];
  let n = 0;
  const manager = new ConnectionManager<FakeConnection>({
    name: 'test',
    clock,
    log: silentLogger,
    reporter,
    random: () => 0.5,
    backoff: { initialMs: 1000, maxMs: 8000, factor: 2, jitter: 0.2 },
    connect: async () => {
      const step = plan[n++] ?? 'ok';
      if (step === 'fail') throw new Error('refused');
      if (step === 'fatal') throw new FatalConnectionError('bad token', 'login-needed');
      const connection = new FakeConnection(n);
      made.push(connection);
      return connection;
    },
  });
  return { clock, reporter, manager, made };
}

describe('ConnectionManager', () => {
  it('reconnects with exponential backoff and counts', async () => {
    const { clock, reporter, manager, made } = setup(['ok', 'fail', 'fail', 'ok']);
    manager.start();
    await flush();
    expect(reporter.get().state).toBe('connected');
    made[0]!.die();
    await flush();
    expect(reporter.get()).toMatchObject({ state: 'reconnecting', error: 'network' });
    clock.advance(999);
    await flush();
    expect(made).toHaveLength(1);
    clock.advance(1); // 1 s → fails
    await flush();
    clock.advance(2000); // 2 s → fails
    await flush();
    expect(made).toHaveLength(1);
    clock.advance(4000); // 4 s → connects
    await flush();
    expect(made).toHaveLength(2);
    expect(reporter.get()).toMatchObject({ state: 'connected', reconnects: 1 });
    expect(manager.counters).toMatchObject({ connects: 2, reconnects: 1, failures: 2 });
    await manager.stop();
  });

  it('resets the backoff once a session is established, however briefly it lived', async () => {
    const { clock, manager, made } = setup(['ok', 'fail', 'ok', 'ok', 'ok']);
    manager.start();
    await flush();
    made[0]!.prove();
    made[0]!.die();
    await flush();
    clock.advance(1000); // 1 s → refused
    await flush();
    clock.advance(2000); // 2 s → connects
    await flush();
    expect(made).toHaveLength(2);
    made[1]!.prove(); // handshake done and data received: no time has to pass
    await flush();
    made[1]!.die();
    await flush();
    clock.advance(1000); // back to the first step
    await flush();
    expect(made).toHaveLength(3);
    made[2]!.prove();
    await flush();
    made[2]!.die();
    await flush();
    clock.advance(1000); // and again: ten short drops never grow the delay
    await flush();
    expect(made).toHaveLength(4);
    expect(manager.counters).toMatchObject({ sessions: 3, failedSessions: 0, failures: 1 });
    await manager.stop();
  });

  it('backs off from a server that accepts and drops at once (consecutive failed sessions, not time)', async () => {
    const { clock, manager, made } = setup();
    manager.start();
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      made.at(-1)!.die('dropped before any data');
      await flush();
      const before = made.length;
      let waited = 0;
      while (made.length === before) {
        clock.advance(100);
        waited += 100;
        await flush();
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(manager.counters).toMatchObject({ sessions: 0, failedSessions: 6 });
    made.at(-1)!.prove(); // one session that works resets it
    await flush();
    made.at(-1)!.die();
    await flush();
    clock.advance(1000);
    await flush();
    expect(made).toHaveLength(8);
    await manager.stop();
  });

  it('replaces make-before-break: the old connection closes only after the new one is up', async () => {
    const { manager, made } = setup();
    manager.start();
    await flush();
    const old = made[0]!;
    const replaced = await manager.replace();
    expect(replaced).toBe(true);
    expect(manager.current).toBe(made[1]);
    expect(old.closedWith).toBe('replaced');
    await flush();
    expect(manager.current).toBe(made[1]); // the old close did not trigger a reconnect
    expect(manager.counters.replacements).toBe(1);
    await manager.stop();
  });

  it('stops on a fatal error with the given state, and on retry: false', async () => {
    const first = setup(['fatal']);
    first.manager.start();
    await flush();
    expect(first.reporter.get()).toMatchObject({ state: 'login-needed', error: 'bad token' });
    expect(first.clock.pending()).toBe(0);

    const second = setup(['ok']);
    second.manager.start();
    await flush();
    second.made[0]!.die('banned', false);
    await flush();
    expect(second.reporter.get()).toMatchObject({ state: 'failed', error: 'banned' });
    expect(second.manager.running).toBe(false);
  });

  it('stop() closes the connection and cancels a pending retry', async () => {
    const { clock, manager, made, reporter } = setup(['ok', 'ok']);
    manager.start();
    await flush();
    made[0]!.die();
    await flush();
    await manager.stop();
    clock.advance(10_000);
    await flush();
    expect(made).toHaveLength(1);
    expect(reporter.get().state).toBe('stopped');
  });
});

describe('ConnectionManager make-before-break races', () => {
  it('keeps exactly one connection when the old one dies during replace()', async () => {
    const clock = new FakeClock();
    const made: FakeConnection[] = [];
    let release: (() => void) | null = null;
    const manager = new ConnectionManager<FakeConnection>({
      name: 'race',
      clock,
      log: silentLogger,
      random: () => 0.5,
      connect: async () => {
        const connection = new FakeConnection(made.length + 1);
        made.push(connection);
        if (made.length === 2) await new Promise<void>((resolve) => (release = resolve)); // slow replacement
        return connection;
      },
    });
    manager.start();
    await flush();
    const replacing = manager.replace();
    await flush();
    made[0]!.die('went away mid-replace');
    await flush();
    clock.advance(10_000); // no retry may fire while the replacement is pending (connect timeout is 15 s)
    await flush();
    expect(made).toHaveLength(2);
    release!();
    expect(await replacing).toBe(true);
    clock.advance(120_000);
    await flush();
    expect(made).toHaveLength(2);
    expect(manager.current).toBe(made[1]);
    expect(made[1]!.closedWith).toBeNull();
    await manager.stop();
  });

  it('reconnects when the replacement fails after the old connection died', async () => {
    const { clock, manager, made } = setup(['ok', 'fail', 'ok']);
    manager.start();
    await flush();
    made[0]!.die();
    const replaced = await manager.replace(); // old gone, replacement refused
    expect(replaced).toBe(false);
    clock.advance(1000);
    await flush();
    expect(manager.current).toBe(made[1]);
    await manager.stop();
  });
});
