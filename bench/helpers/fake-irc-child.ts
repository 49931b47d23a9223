/**
 * Child process for bench/irc-ingest.bench.ts: runs the fake Twitch IRC server and floods one channel with
 * real corpus PRIVMSG lines (fresh unique ids) at the requested rate, so the core's CPU is measured alone.
 * Protocol (IPC): child → {type:'ready', url}; parent → {type:'flood', rate, seconds, channel};
 * child → {type:'done', sent, maxBufferedBytes}.
 */
import { startFakeTwitchIrc } from '../../test/fakes/twitch-irc-server';
import { loadCorpusLines } from './corpus';

interface FloodCommand {
  type: 'flood';
  rate: number;
  seconds: number;
  channel: string;
}

const templates = loadCorpusLines(['twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt']).filter((line) =>
  line.includes(' PRIVMSG #'),
);

/** One second worth of lines, each with a unique id so de-duplication keeps them all. */
function batch(count: number, firstSeq: number): string[] {
  const lines = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const template = templates[(firstSeq + i) % templates.length];
    lines[i] = template.replace(/;id=[^;]*/, `;id=flood-${firstSeq + i}`);
  }
  return lines;
}

async function main(): Promise<void> {
  const fake = await startFakeTwitchIrc();
  process.send?.({ type: 'ready', url: fake.url });
  process.on('message', async (command: FloodCommand) => {
    if (command.type !== 'flood') return;
    let sent = 0;
    for (let second = 0; second < command.seconds; second++) {
      const result = await fake.replay(batch(command.rate, sent), command.rate, command.channel);
      sent += result.sent;
    }
    process.send?.({ type: 'done', sent });
    await fake.stop();
    process.exit(0);
  });
}

void main();
