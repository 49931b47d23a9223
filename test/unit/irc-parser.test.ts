import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  forEachLine,
  parseIrcLine,
  parseTwitchLine,
  tagsToRecord,
} from '../../src/main/core/providers/twitch/irc/irc-parser';
import { unescapeTagValue } from '../../src/main/core/providers/twitch/irc/tag-block';
import { TAG } from '../../src/main/core/providers/twitch/irc/irc-tags';
import { decodeBadges, decodeEmotes } from '../../src/main/core/providers/twitch/irc/tag-decode';
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

describe('parseIrcLine: ranges, limits and hostile tags', () => {
  it('refuses a range outside the text', () => {
    expect(parseIrcLine('PING :x', 0, 9)).toBeNull();
    expect(parseIrcLine('PING :x', -1, 7)).toBeNull();
    expect(parseIrcLine('PING :x', 5, 2)).toBeNull();
  });

  it('reads each line of a frame by range, in any order', () => {
    const frame = '@id=1 :a!a@a PRIVMSG #c :one\r\n@id=2 :b!b@b PRIVMSG #c :two';
    const second = parseIrcLine(frame, 30, frame.length);
    const first = parseIrcLine(frame, 0, 28);
    expect([first?.tag(TAG.id), first?.params[1]]).toEqual(['1', 'one']);
    expect([second?.tag(TAG.id), second?.params[1]]).toEqual(['2', 'two']);
  });

  it('never reads a value past the end of the tag block', () => {
    // The block ends at the space; the ';' right after it starts the command.
    expect(tagsToRecord(parseIrcLine('@mod= ;x PING')!)).toEqual({ mod: '' });
    expect(tagsToRecord(parseIrcLine('@mod=1 ;x PING')!)).toEqual({ mod: '1' });
    expect(parseIrcLine('@mod= ;x PING')?.command).toBe(';x');
  });

  it('refuses more than 64 params', () => {
    expect(parseIrcLine(`CMD${' p'.repeat(64)}`)?.params).toHaveLength(64);
    expect(parseIrcLine(`CMD${' p'.repeat(65)}`)).toBeNull();
  });

  it('keeps a tag named __proto__ as data', () => {
    const message = parseIrcLine('@__proto__=x;constructor=y PING');
    expect(message?.extraTags?.['__proto__']).toBe('x');
    expect(Object.keys(tagsToRecord(message!)!)).toEqual(['__proto__', 'constructor']);
  });

  it('a later duplicate tag wins, badges included; equal badge values share one frozen list', () => {
    const twice = parseTwitchLine('@badges=vip/1;badges=moderator/1 PING');
    expect(twice?.badges).toEqual([{ setId: 'moderator', version: '1' }]);
    expect(twice?.tag(TAG.badges)).toBe('moderator/1');
    expect(parseTwitchLine('@badges=vip/1;badges=x\\:y/2 PING')?.badges).toEqual([
      { setId: 'x;y', version: '2' },
    ]);
    const once = parseTwitchLine('@badges=vip/1 PING')?.badges;
    expect(parseTwitchLine('@badges=vip/1 PING')?.badges).toBe(once);
    expect(Object.isFrozen(once)).toBe(true);
  });

  it('keeps badge values right when more distinct values arrive than the caches hold', () => {
    for (let i = 0; i < 3000; i++) {
      const line = `@badges=subscriber/${i},bits/${i % 7};color=#${i.toString(16).padStart(6, '0')} :a!a@a PRIVMSG #c :x`;
      const message = parseTwitchLine(line);
      expect(message?.badges).toEqual([
        { setId: 'subscriber', version: String(i) },
        { setId: 'bits', version: String(i % 7) },
      ]);
    }
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
  });
  it('drops a badge without a version (chatterino badges-invalid: `badges=subscriber24`)', () => {
    expect(decodeBadges(',,bare,')).toEqual([]);
    expect(decodeBadges('subscriber24')).toEqual([]);
    expect(decodeBadges('subscriber/,/1,vip/1')).toEqual([{ setId: 'vip', version: '1' }]);
    const line = parseTwitchLine(
      '@badges=subscriber24;badge-info=subscriber/27;id=1 :badgy!badgy@badgy.tmi.twitch.tv PRIVMSG #pajlada :badge',
    );
    expect(line?.badges).toEqual([]);
    expect(line?.badgeInfo).toEqual([{ setId: 'subscriber', version: '27' }]);
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
