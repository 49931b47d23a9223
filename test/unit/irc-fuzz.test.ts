import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import { forEachLine, parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import type { MapContext } from '../../src/main/core/providers/twitch/irc/map-chat';
import { FIXTURE_FILE, REAL_FILES, readLines } from './irc-corpus';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';
import { mutate } from '../helpers/irc-mutate';

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
