/**
 * Child process for bench/peer.bench.ts: the fake Twitch IRC server flooding one channel with real corpus
 * lines, paced like the fake's own `replay` (a tick every 10 ms sends what is due), and stamping each line's
 * send time — latency is read from the moment the server sends a line, whoever the client is.
 * Protocol (IPC): child → {type:'ready', url}; parent → {type:'flood', rate, seconds, channel, firstSeq?};
 * child → {type:'done', sentAt} (sentAt[i] = Date.now() when line `flood-<firstSeq + i>` went out). It serves
 * until the parent stops it, so a warm-up flood can come before the measured one (ids apart by `firstSeq`).
 */
import { startFakeTwitchIrc } from '../../test/fakes/twitch-irc-server';
import { floodLines } from './flood-lines';

const TICK_MS = 10;

interface FloodCommand {
  type: 'flood';
  rate: number;
  seconds: number;
  channel: string;
  firstSeq?: number;
}

function flood(
  send: (lines: string[]) => void,
  { rate, seconds, firstSeq = 0 }: FloodCommand,
): Promise<number[]> {
  const total = rate * seconds;
  const sentAt: number[] = [];
  const started = Date.now();
  return new Promise((done) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
      if (due > sentAt.length) {
        const first = sentAt.length;
        send(floodLines(due - first, firstSeq + first));
        const now = Date.now();
        for (let seq = first; seq < due; seq++) sentAt.push(now);
      }
      if (sentAt.length >= total) done(sentAt);
      else setTimeout(tick, TICK_MS);
    };
    setTimeout(tick, TICK_MS);
  });
}

async function main(): Promise<void> {
  const fake = await startFakeTwitchIrc();
  process.send?.({ type: 'ready', url: fake.url });
  process.on('message', async (command: FloodCommand) => {
    if (command.type !== 'flood') return;
    const sentAt = await flood((lines) => fake.inject(command.channel, lines), command);
    process.send?.({ type: 'done', sentAt });
  });
}

void main();
