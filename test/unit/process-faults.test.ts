import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { describeFault, installProcessFaultHandlers } from '../../src/main/core/log/process-faults';
import { FakeClock } from '../helpers/fake-clock';

/** The real `process` belongs to the test runner here; an EventEmitter stands in (the fuzz test uses a real one). */
describe('process fault handlers', () => {
  it('log and count unhandled rejections and uncaught exceptions, with a summary instead of a flood', () => {
    const source = new EventEmitter();
    const logged = memorySink();
    const clock = new FakeClock();
    const faults = installProcessFaultHandlers(createLogger(logged.sink, 'debug', 'p'), source, clock);
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    source.emit('unhandledRejection', new Error('first'));
    source.emit('unhandledRejection', hostile);
    for (let i = 0; i < 998; i += 1) source.emit('unhandledRejection', `again ${i}`);
    source.emit('uncaughtException', new RangeError('Maximum call stack size exceeded'));
    expect(faults.unhandledRejections).toBe(1000);
    expect(faults.uncaughtExceptions).toBe(1);
    expect(faults.total()).toBe(1001);
    expect(logged.records).toHaveLength(1);
    expect(logged.records[0]).toMatchObject({ level: 'error' });
    expect(logged.records[0]?.message).toMatch(/^fault survived .*: unhandled rejection: Error: first/);
    clock.advance(10_000);
    expect(logged.records).toHaveLength(2);
    expect(logged.records[1]?.message).toMatch(
      /1000 more in the last 10 s \(last: uncaught exception: RangeError: Maximum call stack size exceeded/,
    );
    faults.uninstall();
    expect(source.listenerCount('unhandledRejection')).toBe(0);
    expect(source.listenerCount('uncaughtException')).toBe(0);
  });

  it('describes any thrown value without running its code', () => {
    const trap = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(describeFault(trap)).toBe('an undescribable value');
    expect(describeFault({ toString: 1 })).toBe('a thrown object');
    expect(describeFault(null)).toBe('a thrown null');
    expect(describeFault('x'.repeat(1000))).toHaveLength(500);
  });
});
