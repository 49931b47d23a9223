/**
 * The fake Twitch IRC server flooding a channel from a child process (fake-irc-child.ts), so the benchmarked
 * process measures only the core; plus the small argument and statistics helpers the benchmarks share.
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';

export const FLOOD_CHANNEL = 'floodchan';

export interface FloodChild {
  url: string;
  /** Sends `rate` unique corpus PRIVMSGs per second for `seconds`; resolves with the number sent. */
  flood(rate: number, seconds: number): Promise<number>;
  stop(): void;
}

/** The fake IRC server in a child process (bench/helpers/fake-irc-child.ts): one flood, then it serves until `stop()`. */
export async function startFloodChild(): Promise<FloodChild> {
  const child = fork(resolve(import.meta.dirname, 'fake-irc-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((done) =>
    child.once('message', (m: { type: string; url: string }) => done(m.url)),
  );
  return {
    url,
    flood: (rate, seconds) =>
      new Promise<number>((done) => {
        child.on('message', (m: { type: string; sent: number }) => {
          if (m.type === 'done') done(m.sent);
        });
        child.send({ type: 'flood', rate, seconds, channel: FLOOD_CHANNEL });
      }),
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
