import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Shared corpora live beside the repo: ../shared/corpora (see its README). */
export const CORPORA = resolve(__dirname, '../../../shared/corpora');

export function readLines(relative: string): string[] {
  return readFileSync(resolve(CORPORA, relative), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.length > 0);
}

export const REAL_FILES = [
  'twitch-irc/real/go-twitch-irc_channel-xqcow-2019.txt',
  'twitch-irc/real/chatterino_recentmessages-nymn-2024.txt',
];
export const FIXTURE_FILE = 'twitch-irc/fixtures/all-server-lines.txt';
