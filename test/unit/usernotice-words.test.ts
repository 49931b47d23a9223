import { describe, expect, it } from 'vitest';
import type { ChatMessage, OnAirEvent } from '../../src/shared/events';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import type { MapContext } from '../../src/main/core/providers/twitch/irc/map-chat';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { FIXTURE_FILE, readLines } from './irc-corpus';

/** Issue 13.6: a USERNOTICE's viewer words keep their author (real lines from the shared corpus). */
const ref = { sourceId: 'twitch:test', provider: 'twitch' as const, channel: 'test' };
const lines = readLines(FIXTURE_FILE).filter((line) => / USERNOTICE #\w+ :/.test(line));

function map(raw: string): OnAirEvent[] {
  const mapper = new IrcEventMapper();
  const ctx: MapContext = { ref, now: 1_700_000_000_000, localId: () => 'local' };
  const line = parseTwitchLine(raw);
  const out: OnAirEvent[] = [];
  if (line) mapper.map(line, ctx, (event) => out.push(event));
  return out;
}

const corpusLine = (msgId: string, contains = ''): string => {
  const found = lines.find((line) => line.includes(`msg-id=${msgId};`) && line.includes(contains));
  if (!found) throw new Error(`no ${msgId} line with words in ${FIXTURE_FILE}`);
  return found;
};

const chatOf = (raw: string): ChatMessage => {
  const events = map(raw);
  expect(events.map((event) => event.kind)).toEqual(['chat']);
  return events[0] as ChatMessage;
};

describe('USERNOTICE with the viewer’s words', () => {
  it('maps a watch streak to a line with its author, words, emotes and Twitch’s description', () => {
    const line = chatOf(corpusLine('viewermilestone', 'marriyumi'));
    expect(line.author).toMatchObject({ login: 'marriyumi', displayName: 'まっりゆみ', color: '#1E90FF' });
    expect(line.author.badges.map((badge) => badge.setId)).toEqual(['bits']);
    expect(line.text).toBe('ネメちゃんこんばんわ');
    expect(line.flags.notice).toEqual({
      msgId: 'viewermilestone',
      systemText: 'まっりゆみ watched 3 consecutive streams this month and sparked a watch streak!',
    });
    expect(line.id).toBe('86a3282b-2785-4f4a-a103-3e4fe19eb4d4');
    expect(line.targetable).toBe(true);
  });

  it('maps a ritual with an emote, a mod anniversary and a social sharing badge the same way', () => {
    const ritual = chatOf(corpusLine('ritual', 'travslaps'));
    expect(ritual.parts).toEqual([expect.objectContaining({ type: 'emote', text: 'HeyGuys', id: '30259' })]);
    expect(ritual.author.color).toBe('#67B222');
    const modiversary = chatOf(corpusLine('modiversary', 'jcrouzer'));
    expect(modiversary.author.roles).toContain('moderator');
    expect(modiversary.flags.notice?.systemText).toBe('has been a moderator for 18 months!');
    expect(chatOf(corpusLine('socialsharingbadge')).author.login).toBe('gunny_q');
    expect(chatOf(corpusLine('bitsbadgetier', 'SAFE')).text).toBe('SAFE');
  });

  it('marks a shared-chat notice from another channel with that channel', () => {
    const shared = chatOf(corpusLine('sharedchatnotice', 'daltonmtaylor03'));
    expect(shared.text).toBe('Bao #1');
    expect(shared.flags.sharedFrom).toBe('110059426');
    expect(shared.flags.notice?.msgId).toBe('sharedchatnotice');
  });

  it('keeps a notice for a USERNOTICE without words, and alerts carry name colour and badges', () => {
    const silent = map(
      '@msg-id=viewermilestone;login=a;display-name=A;id=v1;system-msg=A\\swatched\\s3\\sstreams :tmi.twitch.tv USERNOTICE #test',
    );
    expect(silent.map((event) => event.kind)).toEqual(['notice']);
    const resub = map(corpusLine('resub'));
    const alert = resub.find((event) => event.kind === 'alert');
    expect(alert?.kind).toBe('alert');
    if (alert?.kind !== 'alert') return;
    expect(alert.message?.length).toBeGreaterThan(0);
    expect(alert.user).toHaveProperty('color');
    expect(Array.isArray(alert.user.badges)).toBe(true);
  });

  it('maps every corpus USERNOTICE with words to an alert with that message or a line with an author', () => {
    // Without tags (one test line has none) nobody is known: that stays a notice.
    for (const raw of lines.filter((line) => /[@;]login=\w/.test(line))) {
      for (const event of map(raw)) {
        if (event.kind === 'chat') expect(event.author.login.length).toBeGreaterThan(0);
        else expect(event.kind, raw.slice(0, 120)).toBe('alert');
        if (event.kind === 'alert') expect(event.message, raw.slice(0, 120)).not.toBeNull();
      }
    }
  });
});
