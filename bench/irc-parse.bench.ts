/**
 * IRC parse benchmark on the real corpora: our parser WITH full Twitch decoding (tags unescaped, badges,
 * badge-info, emote ranges) against irc-message, tmi.js's parser and ircv3, in the same run.
 *
 * Run (from the repo root; npx puts Node 24 first in PATH):
 *   npx node --expose-gc --import tsx bench/irc-parse.bench.ts [--rounds 15]
 * (also works via `npx tsx bench/irc-parse.bench.ts`, but then the retained-heap column is skipped.)
 *
 * Robustness on a shared, noisy machine: one discarded warm-up round per parser, then every round runs all
 * parsers back to back in a rotated order (no parser always first or last), and each figure is the median over
 * rounds of the ratio measured within the round. The budget line at the end uses that median.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  parseIrcLine,
  parseTwitchLine,
  tagsToRecord,
} from '../src/main/core/providers/twitch/irc/irc-parser';
import { CORPORA, loadCorpusLines } from './helpers/corpus';

const require = createRequire(import.meta.url);
const ircMessage = require('irc-message') as { parse(line: string): unknown };
const tmiParser = require('tmi.js/lib/parser') as { msg(line: string): unknown };
const ircv3 = require('ircv3') as { parseMessage(line: string): unknown };

type Parse = (line: string) => unknown;

const PARSERS: [string, Parse][] = [
  ['onair (full decode)', (line) => parseTwitchLine(line)],
  ['onair (no badge/emote)', (line) => parseIrcLine(line)],
  ['irc-message', (line) => ircMessage.parse(line)],
  ['tmi.js parser.msg', (line) => tmiParser.msg(line)],
  ['ircv3 parseMessage', (line) => ircv3.parseMessage(line)],
];

const argRounds = process.argv.indexOf('--rounds');
const ROUNDS = argRounds > 0 ? Number(process.argv[argRounds + 1]) : 15;
/** Budget (issue 11): full decoding, plain TypeScript, at least this many times irc-message's throughput. */
const BUDGET = 3;
const REPEAT = 10; // corpus passes per round

/** Results are stored (a ring), so no parser's allocations can be optimized away as unused. */
const ring: unknown[] = new Array(1024);

function timeOnce(parse: Parse, lines: string[]): { rate: number; errors: number } {
  let errors = 0;
  const started = process.hrtime.bigint();
  for (let pass = 0; pass < REPEAT; pass++) {
    for (let i = 0; i < lines.length; i++) {
      try {
        ring[i & 1023] = parse(lines[i]);
      } catch {
        errors++;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rate: (lines.length * REPEAT) / seconds, errors: errors / REPEAT };
}

/** Heap still held per parsed message when all results are kept alive (needs --expose-gc). */
function retainedBytesPerMessage(parse: Parse, lines: string[]): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  const held: unknown[] = new Array(lines.length);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < lines.length; i++) {
    try {
      held[i] = parse(lines[i]);
    } catch {
      held[i] = null;
    }
  }
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length < 0) console.log(held); // keep alive until measured
  return (after - before) / lines.length;
}

/** The 35 ircdocs msg-split vectors: our parser must match every one. */
function conformanceMismatches(): number {
  const cases = JSON.parse(
    readFileSync(resolve(CORPORA, 'irc-parser-tests/json/msg-split.json'), 'utf8'),
  ) as {
    input: string;
    atoms: { tags: Record<string, string> | null; source: string | null; verb: string; params: string[] };
  }[];
  return cases.filter(({ input, atoms }) => {
    const m = parseIrcLine(input);
    const got = m && { tags: tagsToRecord(m), source: m.prefix, verb: m.command, params: m.params };
    return JSON.stringify(got) !== JSON.stringify({ ...atoms, tags: atoms.tags });
  }).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const lines = loadCorpusLines();
  console.log(`corpus: ${lines.length} lines; ${ROUNDS} rounds × ${REPEAT} passes; node ${process.version}`);
  const rates = new Map<string, number[]>(PARSERS.map(([name]) => [name, []]));
  const errors = new Map<string, number>();
  // Warm-up: every parser reaches optimized code before anything is timed.
  for (const [name, parse] of PARSERS) errors.set(name, timeOnce(parse, lines).errors);
  for (let round = 0; round < ROUNDS; round++) {
    // Interleave parsers each round, rotating the order, so machine noise and position hit all of them alike.
    for (let k = 0; k < PARSERS.length; k++) {
      const [name, parse] = PARSERS[(round + k) % PARSERS.length];
      const result = timeOnce(parse, lines);
      rates.get(name)!.push(result.rate);
      errors.set(name, result.errors);
    }
  }
  // Ratios are taken round by round (measured back to back) and then the median: load from other processes
  // on a shared machine drifts between rounds, and this keeps the drift out of the ratio.
  const baseRates = rates.get('irc-message')!;
  console.log('parser                 lines/s (median)   × irc-message   throws/pass   retained B/msg');
  for (const [name, parse] of PARSERS) {
    const rate = median(rates.get(name)!);
    const ratio = median(rates.get(name)!.map((r, round) => r / baseRates[round]));
    const heap = retainedBytesPerMessage(parse, lines);
    console.log(
      `${name.padEnd(22)} ${Math.round(rate).toLocaleString('en-US').padStart(16)} ${ratio.toFixed(2).padStart(13)}× ` +
        `${String(errors.get(name)).padStart(12)} ${heap === null ? '   (no gc)' : Math.round(heap).toString().padStart(15)}`,
    );
  }
  const mismatches = conformanceMismatches();
  console.log(`conformance (ircdocs msg-split, 35 vectors): ${mismatches} mismatches`);
  const full = median(rates.get(PARSERS[0][0])!.map((r, round) => r / baseRates[round]));
  const pass = full >= BUDGET && mismatches === 0;
  console.log(`budget ≥ ${BUDGET}× irc-message: ${pass ? 'PASS' : 'FAIL'} (median ratio ${full.toFixed(2)})`);
}

main();
