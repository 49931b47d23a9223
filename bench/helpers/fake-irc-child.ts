/**
 * Child process for bench/irc-ingest.bench.ts: runs the fake Twitch IRC server and floods one channel with
 * real corpus PRIVMSG lines (fresh unique ids) at the requested rate, so the core's CPU is measured alone.
 * Protocol (IPC): child → {type:'ready', url}; parent → {type:'flood', rate, seconds, channel};
 * child → {type:'done', sent, maxBufferedBytes}. It serves until the parent stops it or goes away.
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
    // Sent is not yet read: a core that fell behind still has lines in this socket's buffer. The server stays
    // up until the parent stops this child (FloodChild.stop), so every line sent can still arrive.
    process.send?.({ type: 'done', sent });
  });
  process.on('disconnect', () => void fake.stop().finally(() => process.exit(0)));
}

void main();
