import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The byte-exact session with the reference server (see docs/protocol-chatkc.md), beside the repo. */
export const CAPTURE_DIR = resolve(__dirname, '../../../../shared/corpora/chatkc/kcchat-server-capture');

export type CaptureRecord =
  | { t: number; conn: string; event: 'open' }
  | { t: number; conn: string; event: 'close'; code: number; reason: string }
  | { t: number; conn: string; dir: 'send' | 'recv'; frame: string };

export function loadCapture(): CaptureRecord[] {
  return readFileSync(resolve(CAPTURE_DIR, 'session-frames.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CaptureRecord);
}

export function framesOf(records: CaptureRecord[], conn: string, dir: 'send' | 'recv'): string[] {
  return records.flatMap((r) => ('dir' in r && r.conn === conn && r.dir === dir ? [r.frame] : []));
}

/** Times differ run to run, and the bot's history level is uninitialised memory on the real server. */
export function normaliseServerFrame(frame: string): string {
  return frame
    .replace(/"time": \d+/g, '"time": 0')
    .replace(/"(auth|author_level)": (\d+)/g, (all, key: string, value: string) =>
      ['0', '20', '50', '100'].includes(value) ? all : `"${key}": "garbage"`,
    );
}
