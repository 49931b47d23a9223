import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared corpora sit beside the repo (`../shared/corpora` from the repo root). */
export const CORPORA = resolve(import.meta.dirname, '../../../shared/corpora');

export const CORPUS_FILES = [
  'twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt',
  'twitch-irc/real/chatterino_recentmessages-nymn-2024.txt',
  'twitch-irc/fixtures/all-server-lines.txt',
];

/**
 * Every corpus line as its own flat string (a Buffer round trip, as a WebSocket frame arrives), so no parser
 * gets a sliced string view that another one would not.
 */
export function loadCorpusLines(files: string[] = CORPUS_FILES): string[] {
  return files.flatMap((file) =>
    readFileSync(resolve(CORPORA, file), 'utf8')
      .split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .filter((line) => line.length > 0)
      .map((line) => Buffer.from(line, 'utf8').toString('utf8')),
  );
}
