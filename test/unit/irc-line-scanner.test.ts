import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TAG } from '../../src/main/core/providers/twitch/irc/irc-tags';
import { MAX_LINE_CHARS, POOL_ENTRIES } from '../../src/main/core/providers/twitch/irc/line-scanner';
import { parseIrcLine, tagsToRecord } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/twitch-decode';

describe('line scanner build', () => {
  it('the committed WebAssembly module is what line-scanner.as.ts compiles to', () => {
    // Exits 1 (execFileSync throws) when the module is stale.
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});

describe('line scanner: limits and state', () => {
  it('takes a line of MAX_LINE_CHARS and refuses a longer one as malformed', () => {
    const text = (length: number): string => `PRIVMSG #c :${'x'.repeat(length - 12)}`;
    expect(parseIrcLine(text(MAX_LINE_CHARS))?.params[1]).toHaveLength(MAX_LINE_CHARS - 12);
    expect(parseIrcLine(text(MAX_LINE_CHARS + 1))).toBeNull();
  });

  it('refuses a range outside the text', () => {
    expect(parseIrcLine('PING :x', 0, 9)).toBeNull();
    expect(parseIrcLine('PING :x', -1, 7)).toBeNull();
    expect(parseIrcLine('PING :x', 5, 2)).toBeNull();
  });

  it('parses a short line inside a frame too long to load whole', () => {
    const line = '@id=7;color=#FF0000 :a!a@a PRIVMSG #c :hi';
    const frame = `${'PING :x\r\n'.repeat(MAX_LINE_CHARS / 8)}${line}\r\n`;
    const start = frame.length - line.length - 2;
    const message = parseIrcLine(frame, start, start + line.length);
    expect(message && tagsToRecord(message)).toEqual({ id: '7', color: '#FF0000' });
    expect(message?.params).toEqual(['#c', 'hi']);
  });

  it('reads each range of a loaded frame, in any order, and a different frame of the same length', () => {
    const frame = '@id=1 :a!a@a PRIVMSG #c :one\r\n@id=2 :b!b@b PRIVMSG #c :two';
    const other = '@id=3 :a!a@a PRIVMSG #c :uno\r\n@id=4 :b!b@b PRIVMSG #c :dos';
    const second = parseIrcLine(frame, 30, frame.length);
    const first = parseIrcLine(frame, 0, 28);
    const whole = parseIrcLine(frame);
    expect([first?.tag(TAG.id), first?.params[1]]).toEqual(['1', 'one']);
    expect([second?.tag(TAG.id), second?.params[1]]).toEqual(['2', 'two']);
    // The whole frame as one line: the first space ends the tags, the rest is params.
    expect(whole?.params.at(-1)).toBe('one\r\n@id=2 :b!b@b PRIVMSG #c :two');
    expect(parseIrcLine(other, 30, other.length)?.params[1]).toBe('dos');
  });

  it('keeps pooled values right when a line holds more values than the pool has entries', () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < POOL_ENTRIES * 3; i++) {
        const line = `@badges=subscriber/${i},bits/${round};color=#${i.toString(16).padStart(6, '0')} :a!a@a PRIVMSG #c :x`;
        const message = parseTwitchLine(line);
        expect(message?.badges).toEqual([
          { setId: 'subscriber', version: String(i) },
          { setId: 'bits', version: String(round) },
        ]);
        expect(message?.tag(TAG.color)).toBe(`#${i.toString(16).padStart(6, '0')}`);
      }
    }
  });

  it('decodes badges that are escaped, too long to pool, repeated, or given twice in one line', () => {
    const long = Array.from({ length: 12 }, (_, i) => `badge-${i}/1`).join(',');
    expect(long.length).toBeGreaterThan(64);
    expect(parseTwitchLine(`@badges=${long} PING`)?.badges).toHaveLength(12);
    expect(parseTwitchLine('@badges=a\\sb/1 PING')?.badges).toEqual([{ setId: 'a b', version: '1' }]);
    const twice = parseTwitchLine('@badges=vip/1;badges=moderator/1 PING');
    expect(twice?.badges).toEqual([{ setId: 'moderator', version: '1' }]);
    expect(twice?.tag(TAG.badges)).toBe('moderator/1');
    const pooledThenEscaped = parseTwitchLine('@badges=vip/1;badges=x\\:y/2 PING');
    expect(pooledThenEscaped?.badges).toEqual([{ setId: 'x;y', version: '2' }]);
    // The same value from the pool is the same frozen list, not a copy per line.
    expect(parseTwitchLine('@badges=vip/1 PING')?.badges).toBe(parseTwitchLine('@badges=vip/1 PING')?.badges);
  });

  it('never reads a non-Latin-1 character as the delimiter its low byte spells', () => {
    // U+013B has low byte 0x3B (';'), U+0120 0x20 (' '), U+013D 0x3D ('='), U+0162 0x62 ('b').
    const message = parseTwitchLine('@id=a\u013bbits=9;\u0162its=5;color=\u0120x :n!n@n PRIVMSG #c :t');
    expect(message && tagsToRecord(message)).toEqual({
      id: 'a\u013bbits=9',
      '\u0162its': '5',
      color: '\u0120x',
    });
    expect(message?.tag(TAG.bits)).toBeUndefined();
  });
});
