/**
 * Child process for bench/irc-ingest.bench.ts: runs the fake Twitch IRC server and floods one channel with
 * real corpus PRIVMSG lines (fresh unique ids) at the requested rate, so the core's CPU is measured alone.
 * Protocol (IPC): child → {type:'ready', url}; parent → {type:'flood', rate, seconds, channel};
 * child → {type:'done', sent, maxBufferedBytes}.
 */
import { startFakeTwitchIrc } from '../../test/fakes/twitch-irc-server';
import { floodLines } from './flood-lines';

interface FloodCommand {
  type: 'flood';
  rate: number;
  seconds: number;
  channel: string;
}

async function main(): Promise<void> {
  const fake = await startFakeTwitchIrc();
  process.send?.({ type: 'ready', url: fake.url });
  process.on('message', async (command: FloodCommand) => {
    if (command.type !== 'flood') return;
    let sent = 0;
    for (let second = 0; second < command.seconds; second++) {
      const result = await fake.replay(floodLines(command.rate, sent), command.rate, command.channel);
      sent += result.sent;
    }
    process.send?.({ type: 'done', sent });
    await fake.stop();
    process.exit(0);
  });
}

void main();
