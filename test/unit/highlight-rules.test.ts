import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/shared/events';
import { DEFAULT_MENTION_RULE, type HighlightRule } from '../../src/shared/highlights';
import { compileRules, containsWord, matchRules } from '../../src/renderer/src/mod/search/highlight-rules';
import { Highlighter } from '../../src/renderer/src/mod/search/highlighter';
import { highlightBackground } from '../../src/renderer/src/mod/search/highlight-colors';
import { newSoundHit } from '../../src/renderer/src/mod/search/sound-scan';
import { luminance, parseHex } from '../../src/renderer/src/common/readable-color';
import { messageKey } from '../../src/shared/removal';

let serial = 0;
function line(login: string, text: string): ChatMessage {
  serial += 1;
  return {
    kind: 'chat',
    id: `m${serial}`,
    source: { sourceId: 'tw', provider: 'twitch', channel: 'chan' },
    author: { id: `id-${login}`, login, displayName: login, color: null, badges: [], roles: [] },
    parts: [{ type: 'text', text }],
    text,
    flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: 0,
    receivedAt: 0,
    targetable: true,
  };
}

const rule = (over: Partial<HighlightRule>): HighlightRule => ({
  ...DEFAULT_MENTION_RULE,
  id: over.kind ?? 'r',
  ...over,
});

const hitOf = (rules: HighlightRule[], message: ChatMessage, login: string | null = 'streamer') =>
  matchRules(compileRules(rules, login), message, login)?.ruleId ?? null;

describe('containsWord', () => {
  it('finds whole words only when asked, in any script', () => {
    expect(containsWord('a cat sat', 'cat', true)).toBe(true);
    expect(containsWord('concatenate', 'cat', true)).toBe(false);
    expect(containsWord('concatenate', 'cat', false)).toBe(true);
    expect(containsWord('catcat cat', 'cat', true)).toBe(true);
    expect(containsWord('@cat!', 'cat', true)).toBe(true);
    expect(containsWord('snake_cat', 'cat', true)).toBe(false);
    expect(containsWord('кошка кот', 'кот', true)).toBe(true);
    expect(containsWord('котик', 'кот', true)).toBe(false);
    // A letter outside the BMP right before the word is still a letter.
    expect(containsWord('𝒜cat', 'cat', true)).toBe(false);
    expect(containsWord('😀cat', 'cat', true)).toBe(true);
    expect(containsWord('anything', '', false)).toBe(false);
  });
});

describe('highlight rules', () => {
  const mention = rule({ kind: 'mention', id: 'mention' });

  it('highlights a mention of the logged-in user (with or without @, any case), not inside other names', () => {
    expect(hitOf([mention], line('ada', '@Streamer hi'))).toBe('mention');
    expect(hitOf([mention], line('ada', 'hi streamer'))).toBe('mention');
    expect(hitOf([mention], line('ada', 'hi streamer_fan'))).toBeNull();
    expect(hitOf([mention], line('ada', 'hi streamers'))).toBeNull();
  });

  it('ignores your own lines and does nothing when logged out without extra names', () => {
    expect(hitOf([mention], line('streamer', 'I am streamer'))).toBeNull();
    expect(compileRules([mention], null)).toEqual([]);
    expect(hitOf([{ ...mention, pattern: 'boss, @Chef' }], line('ada', 'hey chef'), null)).toBe('mention');
  });

  it('keyword: case-insensitive by default, case-sensitive and substring when set', () => {
    const kw = rule({ kind: 'keyword', id: 'kw', pattern: 'Giveaway' });
    expect(hitOf([kw], line('a', 'is the GIVEAWAY on?'))).toBe('kw');
    expect(hitOf([kw], line('a', 'giveaways!'))).toBeNull();
    expect(hitOf([{ ...kw, wholeWord: false }], line('a', 'giveaways!'))).toBe('kw');
    expect(hitOf([{ ...kw, caseSensitive: true }], line('a', 'giveaway'))).toBeNull();
    expect(hitOf([{ ...kw, caseSensitive: true }], line('a', 'a Giveaway'))).toBe('kw');
    expect(
      hitOf([rule({ kind: 'keyword', id: 'p', pattern: 'Straße' })], line('a', 'die STRASSE straße')),
    ).toBe('p');
  });

  it('user: matches the author login (comma list, any case, @ allowed)', () => {
    const user = rule({ kind: 'user', id: 'u', pattern: '@Ada, bob' });
    expect(hitOf([user], line('ada', 'x'))).toBe('u');
    expect(hitOf([user], line('bob', 'x'))).toBe('u');
    expect(hitOf([user], line('adam', 'ada'))).toBeNull();
  });

  it('the first enabled rule wins; disabled and empty rules never match', () => {
    const a = rule({ kind: 'keyword', id: 'a', pattern: 'x' });
    const b = rule({ kind: 'keyword', id: 'b', pattern: 'x' });
    expect(hitOf([a, b], line('z', 'x'))).toBe('a');
    expect(hitOf([{ ...a, enabled: false }, b], line('z', 'x'))).toBe('b');
    expect(
      compileRules([rule({ kind: 'keyword', pattern: '   ' }), rule({ kind: 'user', pattern: ',' })], 's'),
    ).toEqual([]);
  });

  it('treats regex-looking and hostile patterns as plain text, in linear time', () => {
    const evil = rule({ kind: 'keyword', id: 'evil', pattern: '(a+)+$', wholeWord: false });
    expect(hitOf([evil], line('z', `${'a'.repeat(50_000)}!`))).toBeNull();
    expect(hitOf([evil], line('z', 'x (a+)+$ y'))).toBe('evil');
    const started = performance.now();
    const long = rule({ kind: 'keyword', id: 'long', pattern: `${'a'.repeat(99)}b` });
    expect(hitOf([long], line('z', 'a'.repeat(100_000)))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hitOf([rule({ kind: 'keyword', id: 'p', pattern: '__proto__' })], line('z', 'a __proto__'))).toBe(
      'p',
    );
  });
});

describe('Highlighter', () => {
  it('matches a line once per key, also after the line object is replaced (removal)', () => {
    const highlighter = new Highlighter([rule({ kind: 'keyword', id: 'kw', pattern: 'hi' })], null);
    const message = line('a', 'hi');
    const first = highlighter.hit(message);
    expect(first?.ruleId).toBe('kw');
    const removed: ChatMessage = {
      ...message,
      text: 'changed',
      removed: { reason: 'delete', confirmed: true, at: 1 },
    };
    expect(highlighter.hit(removed)).toBe(first);
    expect(new Highlighter([], 's').hit(message)).toBeNull();
  });
});

describe('highlight background', () => {
  const lum = (color: string) => luminance(parseHex(color));
  it('never gets lighter than the line background name colours are checked against', () => {
    for (const color of ['#ffffff', '#ffff00', '#00ff00', '#e0455e', '#2f80ed', '#000000']) {
      const background = highlightBackground(color);
      expect(background).toMatch(/^#[0-9a-f]{6}$/);
      expect(lum(background)).toBeLessThanOrEqual(lum('#2a203b'));
    }
    // A dark rule colour keeps its full 35 % share; a bright one gets less.
    expect(highlightBackground('#e0455e')).not.toBe('#0e0e10');
  });
});

describe('newSoundHit', () => {
  const highlighter = new Highlighter(
    [rule({ kind: 'keyword', id: 'kw', pattern: 'ding', sound: true })],
    null,
  );
  const quiet = line('a', 'nothing');
  const ding = line('b', 'ding');
  it('rings only for lines after the last one seen, never on the first look', () => {
    expect(newSoundHit([ding, quiet], null, highlighter)).toBe(false);
    expect(newSoundHit([ding, quiet], messageKey(quiet), highlighter)).toBe(false);
    expect(newSoundHit([quiet, ding], messageKey(quiet), highlighter)).toBe(true);
    expect(newSoundHit([ding], '', highlighter)).toBe(true);
  });
});
