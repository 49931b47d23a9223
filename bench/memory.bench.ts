/**
 * Memory over a long session (docs/performance.md): after 1,000,000 messages, the core's heap and each page's
 * JS heap must be within +10 MB of their value after the first 10,000; the overlay stays ≤ 300 DOM elements
 * and the mod window ≤ 1,400 whatever the history length. The fake IRC server floods from a child process;
 * this process runs the real core and headless server; Chromium shows `/overlay` and `/mod`. Heaps are read
 * after a forced garbage collection (Node: --expose-gc; pages: the DevTools protocol, lowest of three readings).
 * The final figures are taken once the readings settle (the core's history queue drained, views resynced);
 * the ones 2 s after the flood are printed beside them (helpers/heap-probes.ts says why).
 *
 * Run (renderer built first: `npm run build`):  npm run bench:memory -- [--messages 1000000] [--rate 10000]
 */
import { countElements } from '../test/e2e/page-probes';
import { flag, startFloodChild } from './helpers/flood-child';
import { chatLinesHeld, pageHeap, settled } from './helpers/heap-probes';
import { startHeadlessStack } from './helpers/headless-stack';

const MESSAGES = Number(flag('--messages', '1000000'));
const RATE = Number(flag('--rate', '10000'));
const BASELINE_AFTER = 10_000;
const BUDGET_MB = 10;

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

function row(name: string, a: number, b: number, judged = true): string {
  const growth = mb(b - a);
  const verdict = judged ? (growth <= BUDGET_MB ? ' PASS' : ' FAIL') : '';
  return `${name.padEnd(8)} ${String(mb(a)).padStart(8)} MB → ${String(mb(b)).padStart(8)} MB  (${growth >= 0 ? '+' : ''}${growth} MB)${verdict}`;
}

function coreHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface Sample {
  chats: number;
  core: number;
  overlay: number;
  mod: number;
  overlayElements: number;
  modElements: number;
}

/**
 * Waits until the core has read `sent` lines (`read()`), or read nothing new for 10 s: on a loaded machine it
 * falls behind the flood, and the figures are for after all of it. Returns the time waited.
 */
async function readAll(read: () => number, sent: number): Promise<number> {
  const started = Date.now();
  let last = read();
  let lastMoved = started;
  while (read() < sent && Date.now() - lastMoved < 10_000) {
    await new Promise((r) => setTimeout(r, 100));
    if (read() !== last) [last, lastMoved] = [read(), Date.now()];
  }
  return Date.now() - started;
}

async function main(): Promise<void> {
  const fake = await startFloodChild();
  const { core, server, browser, close } = await startHeadlessStack(fake.url);
  let chats = 0;
  const counter = core.attachView('overlay', (push) => {
    if (push.type === 'events') for (const e of push.events) if (e.kind === 'chat') chats++;
  });
  counter.ready();
  try {
    const overlay = await browser.newPage({ viewport: { width: 480, height: 720 } });
    const mod = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await overlay.goto(server.overlayUrl);
    await mod.goto(server.modUrl);
    await new Promise((r) => setTimeout(r, 1500)); // the source joins the fake channel

    const sample = async (): Promise<Sample> => ({
      chats,
      core: coreHeap(),
      overlay: await pageHeap(overlay),
      mod: await pageHeap(mod),
      overlayElements: await overlay.evaluate<number>(countElements),
      modElements: await mod.evaluate<number>(countElements),
    });
    const held = async (): Promise<string> =>
      `overlay ${await chatLinesHeld(overlay)}, mod ${await chatLinesHeld(mod)}`;
    console.log(
      `flooding ${MESSAGES.toLocaleString('en-US')} messages at ${RATE} msg/s; node ${process.version}`,
    );
    const flooding = fake.flood(RATE, Math.ceil(MESSAGES / RATE));
    while (chats < BASELINE_AFTER) await new Promise((r) => setTimeout(r, 50));
    const first = await sample();
    const firstHeld = await held();
    let maxOverlayElements = first.overlayElements;
    let maxModElements = first.modElements;
    const watching = setInterval(() => {
      void overlay
        .evaluate<number>(countElements)
        .then((n) => (maxOverlayElements = Math.max(maxOverlayElements, n)));
      void mod.evaluate<number>(countElements).then((n) => (maxModElements = Math.max(maxModElements, n)));
    }, 2000);
    const sent = await flooding;
    const caughtUpMs = await readAll(() => chats, sent);
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(watching);
    const afterFlood = await sample();
    // The final figures: once the core's history queue has drained and the views have resynced (heap-probes.ts).
    const { sample: last, waitedMs } = await settled(sample, (s) => [s.core, s.overlay, s.mod]);

    console.log(`sent ${sent}; chat events seen by the core's views: ${first.chats} → ${last.chats}`);
    console.log(`chat lines held at the baseline: ${firstHeld}; at the end: ${await held()}`);
    console.log(`views disconnected as too slow during the run: ${server.stats.slowClientsDropped}`);
    console.log(`the core read the last line ${(caughtUpMs / 1000).toFixed(0)} s after the flood was sent`);
    console.log(`2 s after that (still draining/resyncing; not judged):`);
    console.log(row('core', first.core, afterFlood.core, false));
    console.log(row('overlay', first.overlay, afterFlood.overlay, false));
    console.log(row('mod', first.mod, afterFlood.mod, false));
    console.log(`settled ${(waitedMs / 1000).toFixed(0)} s later:`);
    console.log(row('core', first.core, last.core));
    console.log(row('overlay', first.overlay, last.overlay));
    console.log(row('mod', first.mod, last.mod));
    console.log(
      `DOM elements max: overlay ${maxOverlayElements} (≤ 300 ${maxOverlayElements <= 300 ? 'PASS' : 'FAIL'}), ` +
        `mod ${maxModElements} (≤ 1,400 ${maxModElements <= 1400 ? 'PASS' : 'FAIL'})`,
    );
  } finally {
    counter.detach();
    await close();
    fake.stop();
  }
}

void main();
