/** The real xQc 2019 PRIVMSG lines the flooding benchmarks replay, each sent line with a fresh unique id. */
import { loadCorpusLines } from './corpus';

const templates = loadCorpusLines(['twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt']).filter((line) =>
  line.includes(' PRIVMSG #'),
);

/** The id `floodLines` gives line number `seq`. */
export const floodId = (seq: number): string => `flood-${seq}`;

/** `count` corpus lines starting at sequence number `firstSeq`, each with a unique id so de-duplication keeps them all. */
export function floodLines(count: number, firstSeq: number): string[] {
  const lines = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const template = templates[(firstSeq + i) % templates.length];
    lines[i] = template.replace(/;id=[^;]*/, `;id=${floodId(firstSeq + i)}`);
  }
  return lines;
}
