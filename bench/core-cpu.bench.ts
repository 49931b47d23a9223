/**
 * The headless core's CPU per chat line, split by thread (issue 16). Runs the BUILT core
 * (out/main/headless.js; `npx electron-vite build` first) in its own process with the settings the peer
 * bench uses (one anonymous Twitch source on the fake IRC server, emotes off, storage on by default), one
 * overlay WebSocket client attached (a plain `ws` client that sends `{"type":"ready"}`), and floods the
 * channel from a child process. Reads /proc/<pid>/task/<tid>/stat before and after the flood and prints CPU
 * ms per message for each thread group: the main thread, the SQLite history worker, libuv's threadpool,
 * V8's platform (GC helper) threads …
 *
 * Run:  npm run bench:core [-- --rates 100,1000 --seconds 10 --runs 2 --window 10]
 * Options: --core <headless.js> (another build, for A/B runs), --core-args "--cpu-prof --cpu-prof-dir=/tmp/p"
 * (flags for the core's Node), --core-out <file> (its stdout, e.g. `--trace-gc`), and the controls
 * --no-overlay / --no-storage (to tell the shares apart; the figure to quote has both).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { FLOOD_CHANNEL, flag, startFloodChild } from './helpers/flood-child';

const ROOT = resolve(import.meta.dirname, '..');
const RATES = flag('--rates', '100,1000').split(',').map(Number);
const SECONDS = Number(flag('--seconds', '10'));
const RUNS = Number(flag('--runs', '1'));
/** Seconds per printed window of a long flood (warm-up: V8 tiers code up by call counts, not by time). */
const WINDOW = Number(flag('--window', String(SECONDS + 1)));
const CORE_ARGS = flag('--core-args', '').split(' ').filter(Boolean);
/** Controls that tell the shares apart (never the figure to quote: the app stores and shows by default). */
const NO_OVERLAY = process.argv.includes('--no-overlay');
const NO_STORAGE = process.argv.includes('--no-storage');
/** The built core to run: another build (e.g. a copy of `out/` from before a change) for A/B runs. */
const CORE = resolve(flag('--core', join(ROOT, 'out/main/headless.js')));
/** Where the core's stdout goes (e.g. its `--trace-gc` lines); dropped when not given. */
const CORE_OUT = flag('--core-out', '');
/** USER_HZ: /proc's utime and stime are in 1/100 s. */
const TICK_MS = 10;

interface ThreadCpu {
  name: string;
  /** User and system (kernel) CPU ms. */
  user: number;
  sys: number;
  /** Times the thread slept and was woken (voluntary context switches). */
  wakeups: number;
}

/** CPU ms used so far by each thread of `pid`, by thread id, with the thread's name. */
async function threadCpu(pid: number): Promise<Map<number, ThreadCpu>> {
  const threads = new Map<number, ThreadCpu>();
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    try {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const status = await readFile(`/proc/${pid}/task/${tid}/status`, 'utf8');
      const wakeups = Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      threads.set(Number(tid), {
        name,
        user: Number(fields[11]) * TICK_MS,
        sys: Number(fields[12]) * TICK_MS,
        wakeups,
      });
    } catch {
      // the thread ended between listing and reading
    }
  }
  return threads;
}

/** The thread group a name belongs to: the main thread by its tid, the rest by name (digits dropped). */
function group(pid: number, tid: number, name: string): string {
  if (tid === pid) return 'main';
  return name.replace(/\d+$/, '').trim() || 'other';
}

interface Group {
  ms: number;
  sys: number;
  wakeups: number;
  threads: number;
}

/** The flood's CPU by thread group (threads that started during the window count from zero). */
function split(
  pid: number,
  before: Map<number, ThreadCpu>,
  after: Map<number, ThreadCpu>,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const [tid, { name, user, sys, wakeups }] of after) {
    const key = group(pid, tid, name);
    const entry = groups.get(key) ?? { ms: 0, sys: 0, wakeups: 0, threads: 0 };
    const was = before.get(tid);
    entry.wakeups += wakeups - (was?.wakeups ?? 0);
    entry.sys += sys - (was?.sys ?? 0);
    entry.ms += user + sys - (was ? was.user + was.sys : 0);
    entry.threads += 1;
    groups.set(key, entry);
  }
  return groups;
}

function waitForOverlayUrl(core: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    core.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Overlay \(OBS browser source\): (\S+)/.exec(out);
      if (match) done(match[1]);
    });
    core.once('exit', (code) => fail(new Error(`headless core exited (${code}): ${out}`)));
  });
}

/** A plain overlay client: says ready, counts the chat events pushed to it. */
async function attachOverlay(overlayUrl: string): Promise<{ events(): number; close(): void }> {
  const url = new URL(overlayUrl);
  const socket = new WebSocket(`ws://${url.host}/ws/overlay`);
  await new Promise((done, fail) => socket.once('open', done).once('error', fail));
  let events = 0;
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { push?: { type: string; events?: { kind: string }[] } };
    if (frame.push?.type === 'events')
      events += frame.push.events?.filter((e) => e.kind === 'chat').length ?? 0;
  });
  socket.send(JSON.stringify({ type: 'ready' }));
  return { events: () => events, close: () => socket.close() };
}

function report(label: string, messages: number, wallS: number, groups: Map<string, Group>): void {
  const sorted = [...groups].sort((a, b) => b[1].ms - a[1].ms);
  const total = sorted.reduce((sum, [, g]) => sum + g.ms, 0);
  const perMsg = (ms: number): string => (ms / messages).toFixed(3);
  console.log(
    `${label}: core CPU ${perMsg(total)} ms/msg (${((total / (wallS * 1000)) * 100).toFixed(1)} % of a core), ` +
      `load average ${loadavg()[0].toFixed(1)}`,
  );
  const parts = sorted
    .filter(([, g]) => g.ms > 0)
    .map(
      ([name, g]) =>
        `${name}${g.threads > 1 ? `×${g.threads}` : ''} ${perMsg(g.ms)} (sys ${perMsg(g.sys)}, ` +
        `${(g.wakeups / messages).toFixed(2)} wakeups/msg)`,
    );
  console.log(`  ${parts.join(' · ')}`);
}

/** The core running on a fresh data folder, reading the flood child's channel. */
async function startCore(
  ircUrl: string,
): Promise<{ pid: number; overlayUrl: Promise<string>; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'onair-core-cpu-'));
  const settings = {
    version: 1,
    endpoints: { twitchIrc: ircUrl },
    sources: [{ id: 'tw', type: 'twitch', channel: FLOOD_CHANNEL, anonymous: true }],
    emotes: { bttv: false, ffz: false, seventv: false },
    ...(NO_STORAGE ? { storage: { enabled: false } } : {}),
  };
  await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  const core = spawn(
    process.execPath,
    [...CORE_ARGS, CORE, '--data', dir, '--port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (CORE_OUT) core.stdout?.pipe(createWriteStream(CORE_OUT, { flags: 'a' }));
  return {
    pid: core.pid as number,
    overlayUrl: waitForOverlayUrl(core),
    stop: async () => {
      core.kill('SIGTERM');
      await new Promise((r) => core.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One flood at `rate` for SECONDS, the CPU split printed per WINDOW seconds (warm-up shows) and for the whole. */
async function measure(rate: number): Promise<void> {
  const flood = await startFloodChild();
  const core = await startCore(flood.url);
  const overlay = NO_OVERLAY ? null : await attachOverlay(await core.overlayUrl);
  await new Promise((r) => setTimeout(r, 2000)); // the source joins the fake channel, start-up settles
  const first = await threadCpu(core.pid);
  const started = performance.now();
  let windowStart = { cpu: first, at: started };
  const sampler = setInterval(() => {
    void threadCpu(core.pid).then((cpu) => {
      const at = performance.now();
      const label = `  ${rate} msg/s, ${((windowStart.at - started) / 1000).toFixed(0)}–${((at - started) / 1000).toFixed(0)} s`;
      report(
        label,
        (rate * (at - windowStart.at)) / 1000,
        (at - windowStart.at) / 1000,
        split(core.pid, windowStart.cpu, cpu),
      );
      windowStart = { cpu, at };
    });
  }, WINDOW * 1000);
  const sent = await flood.flood(rate, SECONDS);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 300)); // the last lines reach the core and its last batch
  const wallS = (performance.now() - started) / 1000;
  const label = `${rate} msg/s × ${SECONDS} s, sent ${sent}, overlay got ${overlay?.events() ?? '-'} in ${wallS.toFixed(1)} s`;
  report(label, sent, wallS, split(core.pid, first, await threadCpu(core.pid)));
  overlay?.close();
  await core.stop();
  flood.stop();
}

async function main(): Promise<void> {
  for (let run = 0; run < RUNS; run++) for (const rate of RATES) await measure(rate);
}

void main();
