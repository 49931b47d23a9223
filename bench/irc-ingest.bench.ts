/**
 * Ingest benchmark: the fake Twitch IRC server runs in a CHILD process and floods one channel at 10,000 msg/s;
 * this process runs the real core path (socket → IRC source: parse, decode, map → hub fan-out to an overlay
 * and a mod view) and reports its own CPU over the run (budget ≤ 25 % of one core) and the queue high-water
 * marks (every queue must stay bounded). With `--storage` (the app's `storage.enabled`, off by default) every
 * accepted event is also recorded into the history database (src/main/core/storage/db) in a temporary folder,
 * and its share of the CPU is reported.
 *
 * Run:  npx tsx bench/irc-ingest.bench.ts [--seconds 60] [--rate 10000] [--storage]
 */
import type { OnAirEvent } from '../src/shared/events';
import { emptyAlertQueueState } from '../src/shared/alert-queue-state';
import { defaultSettings } from '../src/shared/settings';
import { systemClock } from '../src/main/core/clock';
import { silentLogger } from '../src/main/core/log/logger';
import { Hub } from '../src/main/core/hub/hub';
import { createTwitchIrcSource } from '../src/main/core/providers/twitch/irc';
import { FLOOD_CHANNEL, flag, startFloodChild } from './helpers/flood-child';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistoryStore } from '../src/main/core/storage/db/open-history';
import { recordEvent } from '../src/main/core/storage/db/record-event';
import { DEFAULT_RETENTION } from '../src/main/core/storage/db/history-types';

const SECONDS = Number(flag('--seconds', '60'));
const RATE = Number(flag('--rate', '10000'));
const CHANNEL = FLOOD_CHANNEL;
const STORAGE = process.argv.includes('--storage');

async function main(): Promise<void> {
  const child = await startFloodChild();
  const url = child.url;

  const settings = defaultSettings();
  const dataDir = mkdtempSync(join(tmpdir(), 'onair-bench-ingest-'));
  const history = STORAGE
    ? await openHistoryStore({
        dataDir,
        enabled: true,
        policy: DEFAULT_RETENTION,
        clock: systemClock,
        log: silentLogger,
      })
    : null;
  const hub = new Hub({
    clock: systemClock,
    snapshotExtras: () => ({
      alerts: emptyAlertQueueState,
      auth: { provider: 'twitch', status: 'logged-out' },
      overlay: settings.overlay,
      timeoutPresets: settings.twitch.timeoutPresets,
      highlights: settings.highlights,
    }),
    onAccepted: history ? (event) => recordEvent(history, event) : undefined,
  });
  let pushedToOverlay = 0;
  let chats = 0;
  hub
    .attach('overlay', (push) => (pushedToOverlay += push.type === 'events' ? push.events.length : 0))
    .ready();
  hub.attach('mod', () => {}).ready();
  const source = createTwitchIrcSource(
    { id: 'twitch:flood', type: 'twitch', enabled: true, channel: CHANNEL, anonymous: true },
    {
      emit: (event: OnAirEvent) => {
        if (event.kind === 'chat') chats++;
        hub.publish(event);
      },
      log: silentLogger,
      clock: systemClock,
      endpoints: { ...settings.endpoints, twitchIrc: url },
    },
  );
  source.start();
  while (source.status().state !== 'connected') await new Promise((r) => setTimeout(r, 20));

  let maxLagMs = 0;
  let lastTick = performance.now();
  const lagTimer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - lastTick - 50);
    lastTick = now;
  }, 50);
  let maxHeapMb = 0;
  const heapTimer = setInterval(
    () => (maxHeapMb = Math.max(maxHeapMb, process.memoryUsage().heapUsed / 2 ** 20)),
    500,
  );

  console.log(`flooding #${CHANNEL} at ${RATE} msg/s for ${SECONDS} s from a child process …`);
  const cpuStart = process.cpuUsage();
  const mainCpuStart = process.threadCpuUsage();
  const workerCpuStart = history?.status().workerCpuMs ?? 0;
  const wallStart = performance.now();
  const sent = await child.flood(RATE, SECONDS);
  const deadline = Date.now() + 5000;
  while (chats < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  const mainCpu = process.threadCpuUsage(mainCpuStart);
  clearInterval(lagTimer);
  clearInterval(heapTimer);
  hub.flush();

  const cpuMs = (cpu.user + cpu.system) / 1000;
  const status = source.status();
  console.log(`sent ${sent}, chat events ${chats} (${sent - chats} missing), overlay got ${pushedToOverlay}`);
  console.log(`wall ${(wallMs / 1000).toFixed(1)} s, achieved ${Math.round(sent / (wallMs / 1000))} msg/s`);
  console.log(
    `core CPU ${(cpuMs / 1000).toFixed(2)} s = ${((cpuMs / wallMs) * 100).toFixed(1)} % of one core (budget ≤ 25 %); ` +
      `${((cpuMs * 1000) / Math.max(1, chats)).toFixed(1)} µs per message`,
  );
  console.log(
    `queues: hub pending max ${hub.counters.maxPending} (dropped ${hub.counters.pendingDropped}), ` +
      `hub history ${hub.state.chat.list().length}, event-loop lag max ${maxLagMs.toFixed(0)} ms, heap max ${maxHeapMb.toFixed(0)} MB, ` +
      `source counters ${JSON.stringify(status.counters)}`,
  );
  if (history) {
    const stored = history.status();
    const pct = (ms: number): string => `${((ms / wallMs) * 100).toFixed(1)} %`;
    const mainMs = (mainCpu.user + mainCpu.system) / 1000;
    console.log(
      `storage: ${stored.written} rows written in ${stored.batches} worker transactions, ${stored.queued} still queued, ` +
        `${stored.dropped} dropped; main thread ${pct(mainMs)} of one core (budget ≤ 25 %), of which storage (encode + post to the worker) ` +
        `${pct(stored.postCpuMs)}; worker thread ${pct(stored.workerCpuMs - workerCpuStart)} (write + search index ${pct(stored.writeCpuMs)}); ` +
        `search index ${stored.searchBacklog} behind`,
    );
    await history.close();
  } else console.log('storage: off (the app records by default; --storage to measure that)');
  rmSync(dataDir, { recursive: true, force: true });
  await source.stop();
  hub.stop();
  child.stop();
}

void main();
