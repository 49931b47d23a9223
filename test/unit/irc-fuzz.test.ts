import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import { IrcEventMapper } from '../../src/main/core/sources/twitch-irc/irc-mapper';
import { forEachLine } from '../../src/main/core/sources/twitch-irc/irc-parser';
import type { MapContext } from '../../src/main/core/sources/twitch-irc/map-chat';
import { parseTwitchLine } from '../../src/main/core/sources/twitch-irc/twitch-decode';
import { FIXTURE_FILE, REAL_FILES, readLines } from './irc-corpus';
import { mulberry32 } from '../../src/main/core/sources/demo/prng';

const NASTY = [
  '\\',
  ';',
  '=',
  ' ',
  ':',
  '@',
  '#',
  '/',
  ',',
  '-',
  '\x01',
  '\r',
  '\n',
  '😂',
  '\ud800',
  '\udfff',
  '\0',
  '9',
];

function mutate(line: string, random: () => number): string {
  const at = (): number => Math.floor(random() * (line.length + 1));
  const ops = 1 + Math.floor(random() * 4);
  for (let i = 0; i < ops; i++) {
    const kind = Math.floor(random() * 6);
    const p = at();
    const q = Math.min(line.length, p + Math.floor(random() * 40));
    if (kind === 0) line = line.slice(0, p) + line.slice(q);
    else if (kind === 1) line = line.slice(0, p) + NASTY[Math.floor(random() * NASTY.length)] + line.slice(p);
    else if (kind === 2) line = line.slice(0, p) + line.slice(p, q) + line.slice(p);
    else if (kind === 3) line = line.slice(0, p);
    else if (kind === 4) line = line.slice(0, p) + String(Math.floor(random() * 1e6)) + line.slice(q);
    else line = line.slice(q) + line.slice(0, p);
  }
  return line;
}

describe('fuzz: mutated corpus lines through parse + map', () => {
  it('crashes nothing in 100,000 seeded cases and keeps chat text consistent with its parts', () => {
    const corpus = [...REAL_FILES, FIXTURE_FILE].flatMap(readLines);
    const random = mulberry32(0x0a1b2c3d);
    const mapper = new IrcEventMapper();
    const ctx: MapContext = {
      ref: { sourceId: 's', provider: 'twitch', channel: 'c' },
      now: 1,
      localId: () => 'l',
    };
    const events: OnAirEvent[] = [];
    let parsed = 0;
    let malformed = 0;
    let chats = 0;
    for (let i = 0; i < 100_000; i++) {
      const frame = mutate(corpus[Math.floor(random() * corpus.length)], random);
      forEachLine(frame, (text, start, end) => {
        const line = parseTwitchLine(text, start, end);
        if (line === null) {
          malformed++;
          return;
        }
        parsed++;
        events.length = 0;
        mapper.map(line, ctx, (event) => events.push(event));
        for (const event of events) {
          if (event.kind !== 'chat') continue;
          chats++;
          expect(event.parts.map((p) => p.text).join('')).toBe(event.text);
        }
      });
    }
    expect(parsed).toBeGreaterThan(50_000);
    expect(chats).toBeGreaterThan(20_000);
    expect(malformed).toBeGreaterThan(0);
  });
});
