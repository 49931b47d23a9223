/**
 * OnAir's overlay against a plain chat widget (issue 16). The same real Twitch lines, from the same fake IRC
 * server (in a child process, stamping each line's send time), go to two jobs in turn: OnAir (the headless
 * core in its own process + Chromium on /overlay) and a KapChat-style peer page (bench/peer/: tmi.js in
 * Chromium, one appended line per message, OnAir's look and line count). Runs interleave ABBA.
 * Per run: CPU of every process of the job from /proc (core + every Chromium process; the fake server and
 * this driver excluded) per message sent, also split per process (core, and each Chromium process by its
 * `--type=`: browser, renderer, gpu-process, utility:network…); latency from the server's send to the animation frame after the
 * line entered the DOM; lines lost (sent, never on screen at a frame: never in the DOM, or pushed out before
 * the next frame); elements, lines kept, the page's JS heap.
 *
 * Run (renderer and headless core built first: `npx electron-vite build`):
 * Each run first floods the job for `--warm-up` seconds, unmeasured (ids apart), as a job on stream has long
 * been running: the core's and both pages' JavaScript is compiled and optimised by then (docs/performance.md).
 *
 *   npm run bench:peer -- [--pairs 3] [--seconds 10] [--warm-up 3] [--rates 100,1000] [--effect shadow|outline]
 *                         [--onair-css '.onair-line { will-change: auto }']   (CSS added to OnAir's page only)
 */
import { loadavg } from 'node:os';
import { readFrameProbe, startScreenFrameProbe, type FrameProbeResult } from '../test/e2e/page-probes';
import { flag, percentile } from './helpers/flood-child';
import { floodId } from './helpers/flood-lines';
import { startOnAir, startPeer, startStampedFlood, type Job, type TextEffect } from './helpers/peer-stack';
import { formatByRole, startJobCpu } from './helpers/job-cpu';

const PAIRS = Number(flag('--pairs', '3'));
const SECONDS = Number(flag('--seconds', '10'));
const RATES = flag('--rates', '100,1000').split(',').map(Number);
const EFFECT = flag('--effect', 'outline') as TextEffect; // OnAir's default text effect
const ONAIR_CSS = flag('--onair-css', '');
const WARM_UP_SECONDS = Number(flag('--warm-up', '3'));
/** Warm-up lines are numbered from here, so they can never be taken for measured ones. */
const WARM_UP_FIRST_SEQ = 10_000_000;

type Kind = 'onair' | 'peer';

interface Run {
  kind: Kind;
  cpuMsPerMessage: number;
  /** CPU ms per message by process role (core, browser, renderer, gpu-process, utility:…). */
  cpuByRole: Map<string, number>;
  p50: number;
  p99: number;
  /** Lines sent and never on screen at a frame (never in the DOM, or gone again before the next frame). */
  lost: number;
  /** Of those, lines that were in the DOM but pushed out before a frame showed them. */
  unseen: number;
  maxElements: number;
  meanLines: number;
  heapMb: number;
}

/** Samples, once a second, the page's element count and the lines it shows. */
function sampleDom(job: Job): { stop(): { maxElements: number; meanLines: number } } {
  let maxElements = 0;
  const lines: number[] = [];
  const timer = setInterval(() => {
    void job.page
      .evaluate<[number, number]>(
        `[document.getElementsByTagName('*').length, document.querySelectorAll('[data-message-id]').length]`,
      )
      .then(([elements, shown]) => {
        maxElements = Math.max(maxElements, elements);
        lines.push(shown);
      });
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      const meanLines = lines.reduce((a, b) => a + b, 0) / Math.max(1, lines.length);
      return { maxElements, meanLines };
    },
  };
}

async function heapMb(job: Job): Promise<number> {
  const cdp = await job.page.context().newCDPSession(job.page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

async function measure(kind: Kind, rate: number): Promise<Run> {
  const flood = await startStampedFlood();
  const job =
    kind === 'onair' ? await startOnAir(flood.url, EFFECT, ONAIR_CSS) : await startPeer(flood.url, EFFECT);
  try {
    if (WARM_UP_SECONDS > 0) {
      await flood.flood(rate, WARM_UP_SECONDS, WARM_UP_FIRST_SEQ);
      await new Promise((r) => setTimeout(r, 1000)); // the warm-up's last lines leave the pipeline
    }
    await job.page.evaluate(startScreenFrameProbe);
    await new Promise((r) => setTimeout(r, 500));
    const dom = sampleDom(job);
    const cpu = startJobCpu(job.pids, job.corePid);
    const sentAt = await flood.flood(rate, SECONDS);
    await new Promise((r) => setTimeout(r, 1000)); // the last lines reach the screen
    const { totalMs: cpuMs, byRole } = cpu.stop();
    const { maxElements, meanLines } = dom.stop();
    const probe = await job.page.evaluate<FrameProbeResult>(readFrameProbe);
    const latencies: number[] = [];
    sentAt.forEach((at, seq) => {
      const painted = probe.painted[floodId(seq)];
      if (painted !== undefined) latencies.push(painted - at);
    });
    return {
      kind,
      cpuMsPerMessage: cpuMs / sentAt.length,
      cpuByRole: new Map([...byRole].map(([role, ms]) => [role, ms / sentAt.length])),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      lost: sentAt.length - latencies.length,
      unseen: probe.unseen,
      maxElements,
      meanLines,
      heapMb: await heapMb(job),
    };
  } finally {
    await job.close();
    flood.stop();
  }
}

const median = (values: number[]): number => percentile(values, 50);
const fixed = (value: number, digits = 2): string => value.toFixed(digits);

function printRun(rate: number, run: Run): void {
  console.log(
    `  ${String(rate).padStart(5)} msg/s ${run.kind.padEnd(5)}  CPU ${fixed(run.cpuMsPerMessage, 3)} ms/msg  ` +
      `p50 ${Math.round(run.p50)} ms  p99 ${Math.round(run.p99)} ms  lost ${run.lost} (${run.unseen} in the DOM ` +
      `but gone before a frame)  ` +
      `elements ≤ ${run.maxElements}  lines ${fixed(run.meanLines, 1)}  heap ${fixed(run.heapMb, 1)} MB  ` +
      `load ${fixed(loadavg()[0])}\n` +
      `                    CPU by process (ms/msg): ${formatByRole(run.cpuByRole, 1)}`,
  );
}

/** Median CPU ms/msg per process role over one job's runs (a role absent from a run counts 0 there). */
function medianByRole(runs: Run[]): Map<string, number> {
  const roles = new Set(runs.flatMap((run) => [...run.cpuByRole.keys()]));
  return new Map([...roles].map((role) => [role, median(runs.map((run) => run.cpuByRole.get(role) ?? 0))]));
}

/** ABBA…: pair i runs OnAir first when i is even, the peer first when odd; one CPU ratio per pair. */
async function measureRate(rate: number): Promise<string> {
  const ratios: number[] = [];
  const runs: Run[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const order: Kind[] = pair % 2 === 0 ? ['onair', 'peer'] : ['peer', 'onair'];
    const done: Partial<Record<Kind, Run>> = {};
    for (const kind of order) {
      const run = await measure(kind, rate);
      printRun(rate, run);
      done[kind] = run;
      runs.push(run);
    }
    ratios.push((done.onair as Run).cpuMsPerMessage / (done.peer as Run).cpuMsPerMessage);
  }
  const of = (kind: Kind, pick: (run: Run) => number): number[] =>
    runs.filter((run) => run.kind === kind).map(pick);
  const both = (pick: (run: Run) => number, reduce: (v: number[]) => number): string =>
    `${Math.round(reduce(of('onair', pick)))}/${Math.round(reduce(of('peer', pick)))}`;
  const byRole = (kind: Kind): string => formatByRole(medianByRole(runs.filter((r) => r.kind === kind)), 1);
  return (
    `whole-job CPU OnAir/peer at ${rate} msg/s: ${fixed(median(ratios))} ` +
    `(${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}) · ` +
    `p50 ${both((r) => r.p50, median)} ms · p99 ${both((r) => r.p99, median)} ms · ` +
    `lost ${both(
      (r) => r.lost,
      (v) => Math.max(...v),
    )}\n` +
    `  CPU by process (ms/msg, medians): OnAir ${byRole('onair')}\n` +
    `                                    peer  ${byRole('peer')}`
  );
}

async function main(): Promise<void> {
  console.log(
    `OnAir vs peer widget; ${PAIRS} ABBA pairs × ${SECONDS} s per rate after ${WARM_UP_SECONDS} s of warm-up; ` +
      `effect ${EFFECT}; ` +
      `node ${process.version}; load ${loadavg()
        .map((l) => fixed(l))
        .join(' ')}`,
  );
  const summary: string[] = [];
  for (const rate of RATES) summary.push(await measureRate(rate));
  console.log(`(medians over runs; lost = worst run; load at end ${fixed(loadavg()[0])})`);
  for (const line of summary) console.log(line);
  process.exit(0);
}

void main();
