import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';
import {
  forEachLine,
  parseTwitchLine,
  tagsToRecord,
  type IrcMessage,
} from '../../src/main/core/providers/twitch/irc/irc-parser';
import { IGNORED_TAGS_FROM, KNOWN_TAGS } from '../../src/main/core/providers/twitch/irc/irc-tags';
import { decodeBadges, decodeEmotes } from '../../src/main/core/providers/twitch/irc/tag-decode';
import { mutate } from '../helpers/irc-mutate';
import { referenceParse } from '../helpers/reference-irc-parser';
import { CORPORA, FIXTURE_FILE, REAL_FILES, readLines } from './irc-corpus';

/**
 * The parser against the plain reference parser (test/helpers/reference-irc-parser.ts): the
 * same tags, prefix, command, params and decoded badges/emotes for every corpus line, every ircdocs vector and
 * 100,000 mutated lines parsed inside multi-line frames.
 */

const IGNORED = KNOWN_TAGS.slice(IGNORED_TAGS_FROM);

function viewOf(message: IrcMessage | null): unknown {
  if (message === null) return null;
  return {
    tags: tagsToRecord(message),
    prefix: message.prefix,
    command: message.command,
    params: message.params,
    badges: message.badges,
    badgeInfo: message.badgeInfo,
    emotes: message.emotes,
  };
}

function referenceViewOf(line: string): unknown {
  const parsed = referenceParse(line, IGNORED);
  if (parsed === null) return null;
  const tags = parsed.tags;
  return {
    ...parsed,
    badges: tags === null ? [] : decodeBadges(tags.badges),
    badgeInfo: tags === null ? [] : decodeBadges(tags['badge-info']),
    emotes: tags === null ? [] : decodeEmotes(tags.emotes),
  };
}

describe('IRC parser = reference parser', () => {
  const corpus = [...REAL_FILES, FIXTURE_FILE].flatMap(readLines);

  it('on all 6,465 corpus lines, twice (the second pass hits the intern tables and the badge cache)', () => {
    expect(corpus).toHaveLength(6465);
    for (let pass = 0; pass < 2; pass++) {
      for (const line of corpus) expect(viewOf(parseTwitchLine(line)), line).toEqual(referenceViewOf(line));
    }
  });

  it('on the ircdocs msg-split inputs', () => {
    const cases = JSON.parse(
      readFileSync(resolve(CORPORA, 'irc-parser-tests/json/msg-split.json'), 'utf8'),
    ) as { input: string }[];
    for (const { input } of cases)
      expect(viewOf(parseTwitchLine(input)), input).toEqual(referenceViewOf(input));
  });

  it('on 100,000 mutated lines inside frames of one to three lines', () => {
    const random = mulberry32(0x5ca7_7e12);
    let compared = 0;
    let malformed = 0;
    for (let i = 0; i < 100_000; i++) {
      const count = 1 + Math.floor(random() * 3);
      const lines = Array.from({ length: count }, () =>
        mutate(corpus[Math.floor(random() * corpus.length)], random),
      );
      forEachLine(lines.join('\r\n'), (frame, start, end) => {
        const line = frame.slice(start, end);
        const expected = referenceViewOf(line);
        const got = viewOf(parseTwitchLine(frame, start, end));
        if (JSON.stringify(got) !== JSON.stringify(expected))
          expect(got, JSON.stringify(line)).toEqual(expected);
        compared++;
        if (expected === null) malformed++;
      });
    }
    expect(compared).toBeGreaterThan(150_000);
    expect(malformed).toBeGreaterThan(1_000);
  });
});
