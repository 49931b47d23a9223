import { systemClock, type Clock, type TimerHandle } from '../clock';
import type { Logger } from './logger';

export interface ThrottledLog {
  /** One occurrence; `detail` says what happened this time. */
  note(detail: string): void;
  /** Logs the pending summary now and stops the timer (on shutdown). */
  flush(): void;
}

export interface ThrottleOptions {
  /** At most one summary line per this many ms. */
  everyMs?: number;
  level?: 'warn' | 'error';
  clock?: Clock;
}

/**
 * Logs a repeating event without letting a client flood the log: the first occurrence is logged as it
 * happens, later ones are counted and summarised at most once per `everyMs` ("12 more in the last 10 s").
 * After a quiet window the next occurrence is logged in full again.
 */
export function throttledLog(log: Logger, what: string, options: ThrottleOptions = {}): ThrottledLog {
  const { everyMs = 10_000, level = 'warn', clock = systemClock } = options;
  let timer: TimerHandle | null = null;
  let skipped = 0;
  let lastDetail = '';

  const writeSummary = (): void => {
    log[level](`${what}: ${skipped} more in the last ${Math.round(everyMs / 1000)} s (last: ${lastDetail})`);
    skipped = 0;
  };
  const endWindow = (): void => {
    timer = null;
    if (skipped === 0) return;
    writeSummary();
    timer = clock.setTimeout(endWindow, everyMs);
  };

  return {
    note(detail) {
      if (timer !== null) {
        skipped += 1;
        lastDetail = detail;
        return;
      }
      log[level](`${what}: ${detail}`);
      timer = clock.setTimeout(endWindow, everyMs);
    },
    flush() {
      clock.clearTimeout(timer);
      timer = null;
      if (skipped > 0) writeSummary();
    },
  };
}
