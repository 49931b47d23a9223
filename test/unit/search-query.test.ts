import { describe, expect, it } from 'vitest';
import type { ChatMessage, MessagePart, Role } from '../../src/shared/events';
import {
  QUERY_MAX_CHARS,
  filterMessages,
  matchesQuery,
  parseQuery,
} from '../../src/renderer/src/mod/search/search-query';

let serial = 0;
function line(
  login: string,
  text: string,
  extra: { roles?: Role[]; parts?: MessagePart[]; first?: boolean } = {},
): ChatMessage {
  serial += 1;
  return {
    kind: 'chat',
    id: `m${serial}`,
    source: { sourceId: 'tw', provider: 'twitch', channel: 'chan' },
    author: {
      id: `id-${login}`,
      login,
      displayName: login.toUpperCase(),
      color: null,
      badges: [],
      roles: extra.roles ?? [],
    },
    parts: extra.parts ?? [{ type: 'text', text }],
    text,
    flags: { action: false, firstMessage: extra.first ?? false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: 0,
    receivedAt: 0,
    targetable: true,
  };
}

const matches = (query: string, message: ChatMessage): boolean => matchesQuery(parseQuery(query), message);

describe('search query parser', () => {
  it('parses words, quoted phrases, operators and negation', () => {
    expect(parseQuery('Hello "big World" from:@Ada,bob is:first -has:link -spam').terms).toEqual([
      { kind: 'text', value: 'hello', negate: false },
      { kind: 'text', value: 'big world', negate: false },
      { kind: 'from', logins: ['ada', 'bob'], negate: false },
      { kind: 'is', value: 'first', negate: false },
      { kind: 'has', value: 'link', negate: true },
      { kind: 'text', value: 'spam', negate: true },
    ]);
  });

  it('gives an empty query for empty or blank input, which matches every line', () => {
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery('   \t ').terms).toEqual([]);
    expect(parseQuery('""').terms).toEqual([]);
    const all = [line('a', 'x'), line('b', 'y')];
    expect(filterMessages(parseQuery(''), all)).toBe(all);
  });

  it('searches unknown or empty operators as text, and a lone dash as a dash', () => {
    expect(parseQuery('is:banana from: has: -').terms).toEqual([
      { kind: 'text', value: 'is:banana', negate: false },
      { kind: 'text', value: 'from:', negate: false },
      { kind: 'text', value: 'has:', negate: false },
      { kind: 'text', value: '-', negate: false },
    ]);
    expect(parseQuery('"from:ada"').terms).toEqual([{ kind: 'text', value: 'from:ada', negate: false }]);
  });

  it('handles only operators, an unclosed quote and hostile input without throwing', () => {
    expect(parseQuery('is:mod has:emote').terms.map((t) => t.kind)).toEqual(['is', 'has']);
    expect(parseQuery('"unclosed phrase').terms).toEqual([
      { kind: 'text', value: 'unclosed phrase', negate: false },
    ]);
    for (const hostile of [
      '__proto__:x',
      'constructor',
      '"'.repeat(1000),
      '(a+)+$',
      '\u202e\u0000:',
      '-'.repeat(5000),
    ]) {
      expect(() => parseQuery(hostile)).not.toThrow();
    }
    expect(parseQuery('a '.repeat(10_000)).terms.length).toBeLessThanOrEqual(32);
    const long = parseQuery('x'.repeat(QUERY_MAX_CHARS * 4)).terms[0];
    expect(long?.kind === 'text' && long.value.length).toBe(QUERY_MAX_CHARS);
  });
});

describe('search query matching', () => {
  const mod = line('mr0lle', 'forsenParty', { roles: ['moderator', 'subscriber'] });
  const first = line('newbie', 'hello chat', { first: true });
  const link = line('bot', 'see youtube.com/x', {
    parts: [
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'youtube.com/x', url: 'https://youtube.com/x' },
    ],
  });
  const emote = line('fan', 'Kappa', {
    parts: [{ type: 'emote', text: 'Kappa', id: '25', url: 'u' }],
    roles: ['vip'],
  });

  it('matches text in any case, phrases and negation', () => {
    expect(matches('HELLO', first)).toBe(true);
    expect(matches('"hello chat"', first)).toBe(true);
    expect(matches('"chat hello"', first)).toBe(false);
    expect(matches('-hello', first)).toBe(false);
    expect(matches('-hello', mod)).toBe(true);
  });

  it('matches each operator', () => {
    expect([mod, first, link, emote].filter((m) => matches('from:MR0LLE', m))).toEqual([mod]);
    expect([mod, first, link, emote].filter((m) => matches('from:newbie,fan', m))).toEqual([first, emote]);
    expect([mod, first, link, emote].filter((m) => matches('is:first', m))).toEqual([first]);
    expect([mod, first, link, emote].filter((m) => matches('is:mod', m))).toEqual([mod]);
    expect([mod, first, link, emote].filter((m) => matches('is:sub', m))).toEqual([mod]);
    expect([mod, first, link, emote].filter((m) => matches('is:vip', m))).toEqual([emote]);
    expect([mod, first, link, emote].filter((m) => matches('has:link', m))).toEqual([link]);
    expect([mod, first, link, emote].filter((m) => matches('has:emote', m))).toEqual([emote]);
    expect([mod, first, link, emote].filter((m) => matches('-is:mod -has:link', m))).toEqual([first, emote]);
  });

  it('matches by display name too, and folds unicode case', () => {
    expect(matches('from:NEWBIE', first)).toBe(true);
    expect(matches('ÄRGER', line('x', 'so ein ärger'))).toBe(true);
    expect(matches('привет', line('x', 'ПРИВЕТ всем'))).toBe(true);
  });
});
