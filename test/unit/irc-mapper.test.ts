import { describe, expect, it } from 'vitest';
import type { Alert, ChatMessage, OnAirEvent, Removal } from '../../src/shared/events';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import type { MapContext } from '../../src/main/core/providers/twitch/irc/map-chat';
import { buildParts } from '../../src/main/core/providers/twitch/irc/message-parts';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { FIXTURE_FILE, REAL_FILES, readLines } from './irc-corpus';

const ref = { sourceId: 'twitch:test', provider: 'twitch' as const, channel: 'test' };

function mapAll(lines: string[]): { events: OnAirEvent[][]; malformed: number } {
  const mapper = new IrcEventMapper();
  let counter = 0;
  const ctx: MapContext = { ref, now: 1_700_000_000_000, localId: () => `local:${++counter}` };
  let malformed = 0;
  const events = lines.map((raw) => {
    const line = parseTwitchLine(raw);
    const out: OnAirEvent[] = [];
    if (line === null) malformed++;
    else mapper.map(line, ctx, (event) => out.push(event));
    return out;
  });
  return { events, malformed };
}

const one = <K extends OnAirEvent['kind']>(raw: string, kind: K): Extract<OnAirEvent, { kind: K }> => {
  const { events } = mapAll([raw]);
  const found = events[0].find((event) => event.kind === kind);
  expect(found, `${kind} from ${raw.slice(0, 80)}`).toBeDefined();
  return found as Extract<OnAirEvent, { kind: K }>;
};

/** What every line of a command must produce (`USERNOTICE` may be absorbed into a gift bundle). */
const EXPECTED_KIND: Record<string, OnAirEvent['kind'][]> = {
  PRIVMSG: ['chat'],
  CLEARCHAT: ['removal'],
  CLEARMSG: ['removal'],
  ROOMSTATE: ['modes'],
  NOTICE: ['notice'],
  USERNOTICE: ['alert', 'notice', 'chat'],
  JOIN: ['presence'],
  PART: ['presence'],
};

describe.each([...REAL_FILES, FIXTURE_FILE])('corpus %s', (file) => {
  const lines = readLines(file);
  it('parses and maps every line without a throw; events match the commands', () => {
    const { events, malformed } = mapAll(lines);
    expect(malformed).toBe(0);
    let checked = 0;
    lines.forEach((raw, index) => {
      const line = parseTwitchLine(raw);
      if (line === null) return;
      const expected = EXPECTED_KIND[line.command];
      if (!expected) return;
      const produced = events[index];
      const bundledGift = line.command === 'USERNOTICE' && produced.length === 0;
      const missingId = line.command === 'CLEARMSG' && !raw.includes('target-msg-id=');
      const noText = line.command === 'PRIVMSG' && line.params.length < 2;
      const serverMembership =
        (line.command === 'JOIN' || line.command === 'PART') && line.nick.includes('.');
      if (bundledGift || missingId || noText || serverMembership) return;
      expect(produced.length, raw).toBeGreaterThan(0);
      expect(expected, raw).toContain(produced[0].kind);
      checked++;
    });
    expect(checked).toBeGreaterThan(lines.length * 0.5);
  });
  if (file !== FIXTURE_FILE) {
    it('turns every PRIVMSG into exactly one chat message', () => {
      const privmsgs = lines.filter((raw) => parseTwitchLine(raw)?.command === 'PRIVMSG').length;
      const chats = mapAll(lines)
        .events.flat()
        .filter((event) => event.kind === 'chat').length;
      expect(chats).toBe(privmsgs);
    });
  }
});

describe('PRIVMSG mapping', () => {
  it('maps emotes by code point, roles and badge titles, reply and flags', () => {
    const chat = one(
      '@badge-info=subscriber/12;badges=moderator/1,subscriber/12;color=#FF0000;display-name=Nerix;emotes=25:8-12;first-msg=1;id=abc;mod=1;reply-parent-msg-id=p1;reply-parent-display-name=Par;reply-parent-msg-body=hi\\sthere;room-id=1;tmi-sent-ts=1000;user-id=42 :nerix!nerix@nerix.tmi.twitch.tv PRIVMSG #test :Kappa 😂 Kappa @Someone https://x.io/a',
      'chat',
    ) as ChatMessage;
    expect(chat.id).toBe('abc');
    expect(chat.author).toMatchObject({ id: '42', login: 'nerix', displayName: 'Nerix', color: '#FF0000' });
    expect(chat.author.roles).toEqual(['moderator', 'subscriber']);
    expect(chat.author.badges.map((b) => b.title)).toEqual(['Moderator', 'Subscriber (12 months)']);
    expect(chat.parts).toEqual([
      { type: 'text', text: 'Kappa 😂 ' },
      {
        type: 'emote',
        text: 'Kappa',
        id: '25',
        url: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0',
      },
      { type: 'text', text: ' ' },
      { type: 'mention', text: '@Someone', login: 'someone' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'https://x.io/a', url: 'https://x.io/a' },
    ]);
    expect(chat.reply).toEqual({ parentId: 'p1', parentAuthor: 'Par', parentText: 'hi there' });
    expect(chat.flags.firstMessage).toBe(true);
    expect(chat.serverTime).toBe(1000);
  });
  it('handles /me, shared chat and cheers (chat + cheer alert)', () => {
    const raw =
      '@bits=100;id=c1;room-id=1;source-room-id=2;emotes= :a!a@a.tmi.twitch.tv PRIVMSG #test :\x01ACTION Cheer100 nice\x01';
    const { events } = mapAll([raw]);
    const chat = events[0][0] as ChatMessage;
    expect(chat.flags).toMatchObject({ action: true, bits: 100, sharedFrom: '2' });
    expect(chat.text).toBe('Cheer100 nice');
    expect(chat.parts[0]).toEqual({ type: 'cheer', text: 'Cheer100', prefix: 'Cheer', bits: 100 });
    expect(events[0][1]).toMatchObject({ kind: 'alert', alertType: 'cheer', bits: 100 });
  });
  it('skips out-of-range and overlapping emote ranges without throwing', () => {
    expect(buildParts('abc', [{ id: '1', start: 1, end: 9 }])).toEqual([{ type: 'text', text: 'abc' }]);
    const parts = buildParts('ab cd', [
      { id: '1', start: 0, end: 1 },
      { id: '2', start: 1, end: 3 },
    ]);
    expect(parts.map((p) => p.type)).toEqual(['emote', 'text']);
  });
});

describe('USERNOTICE, CLEARCHAT, CLEARMSG, ROOMSTATE', () => {
  const gift = (extra: string, id: string): string =>
    `@msg-id=subgift;login=g;display-name=G;id=${id};msg-param-recipient-display-name=R${id};${extra} :tmi.twitch.tv USERNOTICE #test`;
  it('bundles a mystery gift into one alert; a lone subgift is count 1 with the recipient', () => {
    const lines = [
      '@msg-id=submysterygift;login=g;display-name=G;id=m;msg-param-mass-gift-count=3;msg-param-community-gift-id=77;msg-param-sub-plan=1000 :tmi.twitch.tv USERNOTICE #test',
      gift('msg-param-community-gift-id=77', '1'),
      gift('msg-param-community-gift-id=77', '2'),
      gift('msg-param-community-gift-id=77', '3'),
      gift('msg-param-origin-id=other', '4'),
    ];
    const alerts = mapAll(lines).events.flat() as Alert[];
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ alertType: 'giftsub', count: 3, tier: '1000' });
    expect(alerts[1]).toMatchObject({ alertType: 'giftsub', count: 1, title: 'R4' });
  });
  describe('legacy anonymous gifts (real lines: their login and user-id are the channel itself)', () => {
    const fixture = readLines(FIXTURE_FILE);
    const withId = (msgId: string): string[] => fixture.filter((line) => line.includes(`;msg-id=${msgId};`));
    const ANONYMOUS = { id: null, login: null, displayName: 'Anonymous' };

    it('anonsubgift is credited to an anonymous gifter, not the channel', () => {
      const lines = withId('anonsubgift');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        const alert = one(line, 'alert');
        expect(alert).toMatchObject({ alertType: 'giftsub', count: 1, user: ANONYMOUS });
      }
      expect(one(lines[1], 'alert').title).toBe('qatarking24xd');
    });

    it('anonsubmysterygift is an anonymous gift bomb that absorbs its anonsubgifts', () => {
      const [bomb] = withId('anonsubmysterygift');
      expect(one(bomb, 'alert')).toMatchObject({
        alertType: 'giftsub',
        count: 15,
        tier: '2000',
        user: ANONYMOUS,
      });
      const origin = /msg-param-origin-id=([^;]+)/.exec(bomb)![1];
      const gift = `@login=xqcow;user-id=71092938;msg-id=anonsubgift;id=g1;msg-param-origin-id=${origin};msg-param-recipient-display-name=R :tmi.twitch.tv USERNOTICE #xqcow`;
      expect(mapAll([bomb, gift]).events.flat()).toHaveLength(1);
    });

    it('anongiftpaidupgrade credits the viewer who continues the sub (only the original gifter was anonymous)', () => {
      const lines = withId('anongiftpaidupgrade');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(one(lines[0], 'alert')).toMatchObject({
        alertType: 'sub',
        user: { id: '102707709', login: 'samura1jack_ttv', displayName: 'samura1jack_ttv' },
      });
    });

    it('the current form, ananonymousgifter, is the same anonymous user', () => {
      const line =
        '@display-name=AnAnonymousGifter;login=ananonymousgifter;user-id=274598607;msg-id=subgift;id=a1;msg-param-recipient-display-name=R :tmi.twitch.tv USERNOTICE #test';
      expect(one(line, 'alert').user).toEqual(ANONYMOUS);
    });
  });

  it('maps sub, raid, unknown ids', () => {
    const sub = one(
      '@msg-id=resub;login=s;display-name=S;id=s1;msg-param-cumulative-months=5;msg-param-sub-plan=Prime;system-msg=S\\ssubscribed :tmi.twitch.tv USERNOTICE #test :hello',
      'alert',
    );
    expect(sub).toMatchObject({ alertType: 'resub', months: 5, tier: 'Prime', systemText: 'S subscribed' });
    expect(sub.message).toEqual([{ type: 'text', text: 'hello' }]);
    const raid = one(
      '@msg-id=raid;login=r;display-name=R;id=r1;msg-param-viewerCount=42 :tmi.twitch.tv USERNOTICE #test',
      'alert',
    );
    expect(raid).toMatchObject({ alertType: 'raid', count: 42 });
    const other = one(
      '@msg-id=brandnew;id=n1;system-msg=Something\\snew :tmi.twitch.tv USERNOTICE #test',
      'notice',
    );
    expect(other).toMatchObject({ code: 'brandnew', text: 'Something new' });
    const tier = one(
      '@msg-id=bitsbadgetier;id=b1;msg-param-threshold=1000;system-msg=bits\\sbadge\\stier :tmi.twitch.tv USERNOTICE #test',
      'notice',
    );
    expect(tier).toMatchObject({ code: 'bitsbadgetier', text: 'bits badge tier' });
  });
  it('maps the three CLEARCHAT forms and CLEARMSG', () => {
    const timeout = one(
      '@ban-duration=600;target-user-id=9;tmi-sent-ts=5 :tmi.twitch.tv CLEARCHAT #test :Bad',
      'removal',
    ) as Removal;
    expect(timeout).toMatchObject({
      reason: 'timeout',
      durationSeconds: 600,
      confirmed: true,
      target: { type: 'user', userId: '9', login: 'bad' },
    });
    expect(one('@target-user-id=9 :tmi.twitch.tv CLEARCHAT #test :bad', 'removal')).toMatchObject({
      reason: 'ban',
    });
    expect(one('@room-id=1 :tmi.twitch.tv CLEARCHAT #test', 'removal')).toMatchObject({
      reason: 'clear',
      target: { type: 'all' },
    });
    expect(one('@login=x;target-msg-id=m1 :tmi.twitch.tv CLEARMSG #test :sup', 'removal')).toMatchObject({
      reason: 'delete',
      target: { type: 'message', messageId: 'm1' },
    });
  });
  it('maps full and partial ROOMSTATE', () => {
    expect(
      one(
        '@emote-only=0;followers-only=-1;r9k=0;room-id=1;slow=0;subs-only=1 :tmi.twitch.tv ROOMSTATE #test',
        'modes',
      ).modes,
    ).toEqual({
      emoteOnly: false,
      followersOnlyMinutes: null,
      uniqueChat: false,
      slowSeconds: 0,
      subsOnly: true,
    });
    expect(one('@room-id=1;slow=10 :tmi.twitch.tv ROOMSTATE #test', 'modes').modes).toEqual({
      slowSeconds: 10,
    });
  });
});
