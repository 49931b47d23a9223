/**
 * Storage benchmark: fills a history database with 1,000,000 chat messages (texts from the real #xqcow
 * corpus, authors drawn from 100,000 users with a Zipf-like skew), then measures
 *  - user-history lookups (newest 100 of a user) and log searches (newest 50 matches) — p50/p99
 *    (budgets: lookup p99 ≤ 5 ms, search p99 ≤ 50 ms);
 *  - a live feed at 10,000 msg/s through the store for a few seconds: the longest write transaction and the
 *    event-loop lag (budget: no stall over 10 ms), and the CPU share of the writes;
 *  - database size per million messages, and one pruning step.
 *
 * Run:  npm run bench:storage [-- --messages 1000000 --feed-seconds 10]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import type { ChatMessage } from '../src/shared/events';
import { systemClock } from '../src/main/core/clock';
import { silentLogger } from '../src/main/core/log/logger';
import { openHistoryStore, HISTORY_FILE } from '../src/main/core/storage/db/open-history';
import { DEFAULT_RETENTION, type HistoryStore } from '../src/main/core/storage/db/history-types';
import { fileBytes } from '../src/main/core/storage/db/open-database';
import type { BatchedHistoryStore } from '../src/main/core/storage/db/history-store';
import { encodeRows, type Cell } from '../src/main/core/storage/db/row-cells';
import { messageRow } from '../src/main/core/storage/db/rows';
import { CORPORA } from './helpers/corpus';
import { flag } from './helpers/flood-child';

const MESSAGES = Number(flag('--messages', '1000000'));
const FEED_SECONDS = Number(flag('--feed-seconds', '10'));
const USERS = 100_000;
const QUERIES = 2000;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(42);
/** A user index skewed toward low numbers: a few heavy chatters, a long tail. */
const pickUser = (): number => Math.floor(USERS * random() ** 3);

function corpusTexts(): string[] {
  const file = resolve(CORPORA, 'twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt');
  const texts: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = / PRIVMSG #\S+ :(.*)$/.exec(line.replace(/\r$/, ''));
    if (match?.[1]) texts.push(match[1]);
  }
  return texts;
}

let sequence = 0;
function message(texts: string[], at: number): ChatMessage {
  const user = pickUser();
  sequence += 1;
  return {
    kind: 'chat',
    id: `m${sequence}`,
    source: { sourceId: 'twitch:xqcow', provider: 'twitch', channel: 'xqcow' },
    author: {
      id: `u${user}`,
      login: `user${user}`,
      displayName: `User${user}`,
      color: null,
      badges: [],
      roles: [],
    },
    parts: [],
    text: texts[sequence % texts.length]!,
    flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: at,
    receivedAt: at,
    targetable: true,
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Timings {
  p50: number;
  p99: number;
  max: number;
  /** The same from this thread's CPU time: without the time the OS gave other processes (a busy machine). */
  cpuP50: number;
  cpuP99: number;
}

async function timeQueries(run: (i: number) => Promise<unknown>): Promise<Timings> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const cpu = process.threadCpuUsage();
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
    const used = process.threadCpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1]!,
    cpuP50: percentile(cpuTimes, 50),
    cpuP99: percentile(cpuTimes, 99),
  };
}

const describeTimings = (t: Timings): string =>
  `p50 ${ms(t.p50)}, p99 ${ms(t.p99)}, max ${ms(t.max)} (CPU p50 ${ms(t.cpuP50)}, p99 ${ms(t.cpuP99)})`;

const ms = (n: number): string => `${n.toFixed(2)} ms`;

async function fill(store: HistoryStore, texts: string[]): Promise<void> {
  const start = performance.now();
  const now = Date.now();
  for (let i = 0; i < MESSAGES; i++) {
    store.recordMessage(message(texts, now - (MESSAGES - i) * 10));
    if (i % 20_000 === 19_999) await store.flush();
  }
  await store.flush();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `filled ${MESSAGES} messages in ${seconds.toFixed(1)} s (${Math.round(MESSAGES / seconds)} msg/s bulk)`,
  );
}

/** Words to search: frequent and rare ones from the corpus (a moderator looks for both). */
function searchWords(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of text.toLowerCase().split(/\s+/))
      if (/^[a-z]{3,}$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return [...ranked.slice(0, 50), ...ranked.slice(-150)];
}

/**
 * The same 10,000 msg/s feed with nothing recording it, in the same process: the event-loop delay the feed
 * itself causes (building messages, garbage collection, timer jitter), so the store's share can be told apart.
 */
async function feedAlone(texts: string[]): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const wallStart = performance.now();
  let sent = 0;
  let kept: ChatMessage[] = [];
  while (sent < FEED_SECONDS * 10_000) {
    const due = Math.min(FEED_SECONDS * 10_000, Math.floor((performance.now() - wallStart) * 10));
    // Held for ~250 ms like the store's queue, so the garbage has the same lifetime.
    for (; sent < due; sent++) kept.push(message(texts, Date.now()));
    if (kept.length >= 2_500) kept = [];
    await new Promise((r) => setTimeout(r, 10));
  }
  loop.disable();
  console.log(
    `control: the same feed with no store: event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms ` +
      `(load average ${loadavg()[0]!.toFixed(1)})`,
  );
}

async function feed(store: BatchedHistoryStore, texts: string[]): Promise<void> {
  const before = store.status();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const mainCpuStart = process.threadCpuUsage();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  // 10,000 msg/s, delivered every ~10 ms like socket frames; a late tick catches up, so the rate holds.
  let sent = 0;
  while (sent < FEED_SECONDS * 10_000) {
    const due = Math.min(FEED_SECONDS * 10_000, Math.floor((performance.now() - wallStart) * 10));
    for (; sent < due; sent++) store.recordMessage(message(texts, Date.now()));
    await new Promise((r) => setTimeout(r, 10));
  }
  await store.flush();
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  const mainCpu = process.threadCpuUsage(mainCpuStart);
  loop.disable();
  const after = store.status();
  const written = after.written - before.written;
  const share = (cpuMs: number): string => `${((cpuMs / wall) * 100).toFixed(1)} %`;
  const postMs = after.postCpuMs - before.postCpuMs;
  console.log(
    `live feed: ${written} msgs in ${(wall / 1000).toFixed(1)} s (${Math.round(written / (wall / 1000))} msg/s), ` +
      `${after.batches - before.batches} worker transactions; main thread: storage (encode + post) ${share(postMs)} of one core ` +
      `(${((postMs * 1000) / written).toFixed(1)} µs/msg, longest ${after.longestPostMs.toFixed(1)} ms), whole main thread ${share((mainCpu.user + mainCpu.system) / 1000)}; ` +
      `worker: transactions ${share(after.writeCpuMs - before.writeCpuMs)}, thread ${share(after.workerCpuMs - before.workerCpuMs)}; whole process ${share((cpu.user + cpu.system) / 1000)}`,
  );
  console.log(
    `event-loop delay (monitorEventLoopDelay) max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms ` +
      `(machine load included; budget: no stall over 10 ms); longest worker transaction ${after.longestWriteCpuMs.toFixed(1)} ms CPU; ` +
      `dropped ${after.dropped}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const catchUp = performance.now();
  while (store.status().searchBacklog > 0) await new Promise((r) => setTimeout(r, 50));
  console.log(`search index caught up ${((performance.now() - catchUp) / 1000).toFixed(1)} s after the feed`);
}

/** What a batch costs the main thread to hand over: structured clone of 2,500 rows (250 ms at 10,000 msg/s). */
function cloneCost(texts: string[]): void {
  const rows = Array.from({ length: 2_500 }, () => ({
    table: 'message' as const,
    event: message(texts, Date.now()),
  }));
  const time = (run: () => unknown): number => {
    const start = performance.now();
    for (let i = 0; i < 40; i++) run();
    return (performance.now() - start) / 40;
  };
  const objects = time(() => structuredClone(rows.map((r) => messageRow(r.event))));
  const events = time(() => structuredClone(rows));
  const flat = time(() => {
    const cells: Cell[] = [];
    encodeRows(rows, cells);
    return structuredClone(cells);
  });
  console.log(
    `handing 2,500 messages to the worker (structured clone): whole events ${ms(events)}, row objects ${ms(objects)}, flat cells (encode included) ${ms(flat)}`,
  );
}

const open = (dir: string): Promise<BatchedHistoryStore> =>
  openHistoryStore({
    dataDir: dir,
    enabled: true,
    policy: DEFAULT_RETENTION,
    clock: systemClock,
    log: silentLogger,
    timing: { pruneEveryMs: 24 * 3_600_000 },
  });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'onair-bench-storage-'));
  const texts = corpusTexts();
  console.log(`${texts.length} corpus texts, ${USERS} users; database in ${dir}`);
  const store = await open(dir);
  cloneCost(texts);
  await fill(store, texts);
  const indexStart = performance.now();
  await store.indexAll();
  console.log(`search index built in ${((performance.now() - indexStart) / 1000).toFixed(1)} s`);
  const bytes = await fileBytes(join(dir, HISTORY_FILE));
  console.log(
    `database ${(bytes / 2 ** 20).toFixed(0)} MB = ${((bytes / 2 ** 20) * (1_000_000 / MESSAGES)).toFixed(0)} MB per million messages`,
  );

  const lookup = await timeQueries(() => store.userHistory({ userId: `u${pickUser()}`, limit: 100 }));
  console.log(`user history (newest 100): ${describeTimings(lookup)} (budget p99 ≤ 5 ms)`);
  const words = searchWords(texts);
  const search = await timeQueries((i) => store.searchLog({ text: words[i % words.length]!, limit: 50 }));
  console.log(`log search (newest 50): ${describeTimings(search)} (budget p99 ≤ 50 ms)`);
  const inSource = await timeQueries((i) =>
    store.searchLog({ text: words[i % words.length]!, sourceId: 'twitch:xqcow', limit: 50 }),
  );
  console.log(`log search in one source: ${describeTimings(inSource)}`);

  // Reopen (as at app start) so the live feed's figures are its own, not the bulk fill's.
  await store.close();
  const reopenStart = performance.now();
  const live = await open(dir);
  console.log(`reopened the ${MESSAGES}-message database in ${ms(performance.now() - reopenStart)}`);
  await feedAlone(texts);
  await feed(live, texts);
  await live.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
