import type { Clock } from '../clock';
import type { Logger } from './logger';
import { throttledLog } from './throttled-log';

/** What `process` offers for faults; an EventEmitter in tests. */
export interface FaultSource {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
  off(event: 'unhandledRejection' | 'uncaughtException', listener: (reason: unknown) => void): unknown;
}

export interface ProcessFaults {
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
  /** Both together: what the health stats show. */
  total(): number;
  uninstall(): void;
}

/** Describes a thrown value without calling anything it brings along (a hostile `toString` could throw). */
export function describeFault(reason: unknown): string {
  try {
    if (reason instanceof Error) return `${reason.name}: ${reason.message}\n${reason.stack ?? ''}`.trim();
    if (typeof reason === 'string') return reason.slice(0, 500);
    return `a thrown ${reason === null ? 'null' : typeof reason}`;
  } catch {
    return 'an undescribable value';
  }
}

/**
 * Makes an unhandled rejection or uncaught exception anywhere in the process a logged and counted fault
 * instead of an exit: one bug reachable from a socket must not take the overlay, the sources and the console
 * down with it. Installed once by each entry (headless CLI, Electron main); the count is in the server's stats.
 */
export function installProcessFaultHandlers(
  log: Logger,
  source: FaultSource = process,
  clock?: Clock,
): ProcessFaults {
  const counts = { unhandledRejections: 0, uncaughtExceptions: 0 };
  const report = throttledLog(log, 'fault survived (a bug: please report it)', { level: 'error', clock });
  const onRejection = (reason: unknown): void => {
    counts.unhandledRejections += 1;
    report.note(`unhandled rejection: ${describeFault(reason)}`);
  };
  const onException = (error: unknown): void => {
    counts.uncaughtExceptions += 1;
    report.note(`uncaught exception: ${describeFault(error)}`);
  };
  source.on('unhandledRejection', onRejection);
  source.on('uncaughtException', onException);
  return {
    get unhandledRejections() {
      return counts.unhandledRejections;
    },
    get uncaughtExceptions() {
      return counts.uncaughtExceptions;
    },
    total: () => counts.unhandledRejections + counts.uncaughtExceptions,
    uninstall() {
      source.off('unhandledRejection', onRejection);
      source.off('uncaughtException', onException);
      report.flush();
    },
  };
}
