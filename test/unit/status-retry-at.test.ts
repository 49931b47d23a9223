import { describe, expect, it } from 'vitest';
import {
  ConnectionManager,
  type CloseInfo,
  type ManagedConnection,
} from '../../src/main/core/net/connection-manager';
import { StatusReporter } from '../../src/main/core/net/status-reporter';
import { silentLogger } from '../../src/main/core/log/logger';
import type { OnAirEvent, SourceStatus } from '../../src/shared/events';
import { FakeClock } from '../helpers/fake-clock';
import { ref } from '../helpers/events';

class DroppingConnection implements ManagedConnection {
  private resolveClosed!: (info: CloseInfo) => void;
  readonly closed = new Promise<CloseInfo>((resolve) => (this.resolveClosed = resolve));
  /** Never proves itself (the manager in some versions waits for this before resetting its backoff). */
  readonly established = new Promise<void>(() => {});
  close(reason: string): void {
    this.resolveClosed({ reason });
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('status while waiting to reconnect', () => {
  it('says when the next attempt starts, and clears it once connected', async () => {
    const clock = new FakeClock();
    const statuses: SourceStatus[] = [];
    const emit = (event: OnAirEvent) => event.kind === 'status' && statuses.push(event);
    const reporter = new StatusReporter(ref, 'Twitch #x', emit, clock);
    let failures = 2;
    const manager = new ConnectionManager<DroppingConnection>({
      name: 'test',
      clock,
      log: silentLogger,
      reporter,
      random: () => 0.5,
      backoff: { initialMs: 1000, maxMs: 8000, factor: 2, jitter: 0.2 },
      connect: async () => {
        if (failures-- > 0) throw new Error('getaddrinfo ENOTFOUND irc.invalid');
        return new DroppingConnection();
      },
    });
    const start = clock.now();
    manager.start();
    await flush();
    expect(reporter.get()).toMatchObject({
      state: 'reconnecting',
      error: 'getaddrinfo ENOTFOUND irc.invalid',
      retryAt: start + 1000,
    });
    clock.advance(1000);
    await flush();
    // Same state and error, a later retry: a new status, so the countdown restarts. In between, the attempt
    // itself (no retry time: it is happening now).
    expect(reporter.get().retryAt).toBe(start + 1000 + 2000);
    expect(statuses.filter((s) => s.state === 'reconnecting').map((s) => s.retryAt)).toEqual([
      start + 1000,
      null,
      start + 3000,
    ]);
    clock.advance(2000);
    await flush();
    expect(reporter.get()).toMatchObject({ state: 'connected', error: null, retryAt: null });
    await manager.stop();
  });
});
