import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  forEachLine,
  parseIrcLine,
  tagsToRecord,
  unescapeTagValue,
} from '../../src/main/core/providers/twitch/irc/irc-parser';
import { TAG } from '../../src/main/core/providers/twitch/irc/irc-tags';
import { decodeBadges, decodeEmotes } from '../../src/main/core/providers/twitch/irc/twitch-decode';
import { CORPORA } from './irc-corpus';

interface SplitCase {
  input: string;
  atoms: { tags: Record<string, string> | null; source: string | null; verb: string; params: string[] };
}

const splitCases = JSON.parse(
  readFileSync(resolve(CORPORA, 'irc-parser-tests/json/msg-split.json'), 'utf8'),
) as SplitCase[];

describe('parseIrcLine: ircdocs msg-split vectors', () => {
  it('has all 35 vectors', () => expect(splitCases).toHaveLength(35));
  it.each(splitCases.map((c, i) => [i, c] as const))('vector %i', (_i, { input, atoms }) => {
    const message = parseIrcLine(input);
    expect(message).not.toBeNull();
    expect(tagsToRecord(message!)).toEqual(atoms.tags);
    expect(message!.prefix).toBe(atoms.source);
    expect(message!.command).toBe(atoms.verb);
    expect(message!.params).toEqual(atoms.params);
  });
});

describe('unescapeTagValue', () => {
  it.each([
    ['a\\sb', 'a b'],
    ['a\\:b', 'a;b'],
    ['a\\\\b', 'a\\b'],
    ['\\r\\n', '\r\n'],
    ['x\\qy', 'xqy'],
    ['trail\\', 'trail'],
    ['plain', 'plain'],
    ['\\s', ' '],
  ])('%j → %j', (input, expected) => expect(unescapeTagValue(input)).toBe(expected));
});

describe('parseIrcLine: edge cases', () => {
  it('rejects lines without a command', () => {
    expect(parseIrcLine('')).toBeNull();
    expect(parseIrcLine('@a=b')).toBeNull();
    expect(parseIrcLine(':prefix')).toBeNull();
    expect(parseIrcLine('@a=b :prefix ')).toBeNull();
  });
  it('parses inside a larger string by range', () => {
    const frame = 'xx PING :tmi.twitch.tv yy';
    const message = parseIrcLine(frame, 3, 22);
    expect(message?.command).toBe('PING');
    expect(message?.params).toEqual(['tmi.twitch.tv']);
  });
  it('reads a trailing param without a colon (recent-messages style)', () => {
    const message = parseIrcLine('@id=1 :a!a@a.tmi.twitch.tv PRIVMSG #nymn word');
    expect(message?.params).toEqual(['#nymn', 'word']);
    expect(message?.nick).toBe('a');
  });
  it('keeps unknown tags apart and known tags by slot, unescaped', () => {
    const message = parseIrcLine('@system-msg=a\\sb\\:c;new-tag=x\\sy;id=7 :tmi.twitch.tv USERNOTICE #c');
    expect(message?.tag(TAG['system-msg'])).toBe('a b;c');
    expect(message?.tag(TAG.id)).toBe('7');
    expect(message?.extraTags).toEqual({ 'new-tag': 'x y' });
  });
});

describe('forEachLine', () => {
  const collect = (frame: string): string[] => {
    const out: string[] = [];
    forEachLine(frame, (text, start, end) => out.push(text.slice(start, end)));
    return out;
  };
  it('splits CRLF, tolerates bare LF and an unterminated last line', () => {
    expect(collect('A\r\nB\r\n')).toEqual(['A', 'B']);
    expect(collect('A\nB\r\n\r\nC')).toEqual(['A', 'B', 'C']);
    expect(collect('\r\n')).toEqual([]);
  });
});

describe('Twitch tag decoding', () => {
  it('splits badge-info on the first slash only', () => {
    expect(decodeBadges('predictions/Day 53/53 forsenSmug,subscriber/17')).toEqual([
      { setId: 'predictions', version: 'Day 53/53 forsenSmug' },
      { setId: 'subscriber', version: '17' },
    ]);
    expect(decodeBadges('')).toEqual([]);
    expect(decodeBadges(',,bare,')).toEqual([{ setId: 'bare', version: '' }]);
  });
  it('decodes emote ranges sorted, skipping malformed ones', () => {
    expect(decodeEmotes('25:0-4,12-16/1902:6-10')).toEqual([
      { id: '25', start: 0, end: 4 },
      { id: '1902', start: 6, end: 10 },
      { id: '25', start: 12, end: 16 },
    ]);
    expect(decodeEmotes('25:4-0,x-3,5-/:1-2/30:7-9,')).toEqual([{ id: '30', start: 7, end: 9 }]);
  });
});
