import type { UpdateScheduler } from './bindings';

/**
 * Applies queued pushes at the end of the current task (a microtask): the pushes of one task become one store
 * update, and nothing waits for an animation frame. Bursts are bounded upstream: the core's hub sends a view at
 * most one push per 16 ms. Waiting for a frame cost a frame on screen-time as measured (a commit made inside a
 * frame callback shows a frame later): bench/overlay-latency.bench.ts at 100 msg/s gave p50 32 ms / p99 47 ms
 * with "at most one update per frame", and 17 / 32 ms with this; at 1,000 msg/s p99 48 → 33 ms, no long tasks.
 * It also needs no fallback for hidden pages, which get no frames.
 */
export function createUpdateScheduler(): UpdateScheduler {
  return (flush) => {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) flush();
    });
    return () => {
      cancelled = true;
    };
  };
}
