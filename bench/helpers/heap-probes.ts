/**
 * Heap readings for bench:memory that measure what a process keeps, not what it is doing at that instant.
 *
 * - A page's reading is two DevTools calls (collect garbage, then read the heap): while chat floods in, the page
 *   runs tasks between them and the young generation fills again with a batch's temporaries, so one reading
 *   can be several MB above what the page retains. The lowest of a few readings is the retained heap.
 * - After a flood the core may still be writing its history queue and the views may still be resyncing (a view
 *   that fell behind is disconnected and reconnects with backoff, up to 10 s): `settled` waits until readings
 *   stop falling before the final sample, and says how long that took.
 */
import type { Page } from 'playwright-core';

const GROUP = 'bench-memory';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The page's JS heap after a forced garbage collection: the lowest of `readings`, 250 ms apart. */
export async function pageHeap(page: Page, readings = 3): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let lowest = Infinity;
  for (let i = 0; i < readings; i++) {
    if (i > 0) await sleep(250);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    lowest = Math.min(lowest, usedSize);
  }
  await cdp.detach();
  return lowest;
}

/**
 * Chat lines alive in the page's heap (objects with a ChatMessage's `parts`, `serverTime` and `receivedAt`):
 * what the page holds whatever the DOM shows, so a baseline taken before its line list filled is visible.
 */
export async function chatLinesHeld(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const proto = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype', objectGroup: GROUP });
  const { objects } = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId: proto.result.objectId!,
    objectGroup: GROUP,
  });
  const counted = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: `function () {
      return this.filter((o) => Object.hasOwn(o, 'parts') && Object.hasOwn(o, 'serverTime') && Object.hasOwn(o, 'receivedAt')).length;
    }`,
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  await cdp.detach();
  return counted.result.value as number;
}

/**
 * Reads `read()` every second until two readings in a row differ by less than `toleranceBytes` (or `maxMs`
 * passed); returns the last reading and the time waited.
 */
export async function settled<T>(
  read: () => Promise<T>,
  size: (sample: T) => number[],
  { toleranceBytes = 2 ** 20, maxMs = 30_000 } = {},
): Promise<{ sample: T; waitedMs: number }> {
  const started = Date.now();
  let previous = await read();
  for (;;) {
    await sleep(1000);
    const next = await read();
    const a = size(previous);
    const b = size(next);
    const still = a.every((value, i) => Math.abs(value - b[i]) < toleranceBytes);
    previous = next;
    if (still || Date.now() - started > maxMs) return { sample: next, waitedMs: Date.now() - started };
  }
}
