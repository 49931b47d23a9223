import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/shared/csv';
import { shortDuration } from '../../src/shared/duration-words';
import type { ModLogEntry } from '../../src/shared/events';
import { describeModAction, inlineText, modActionLine } from '../../src/shared/mod-action-text';

const entry = (over: Partial<ModLogEntry>): ModLogEntry => ({
  id: 'e1',
  at: 0,
  sourceId: 'twitch:x',
  actor: 'ModMia',
  action: 'ban',
  target: 'pixelpirate',
  result: 'ok',
  ...over,
});

describe('human text for every mod action kind', () => {
  it.each<[Partial<ModLogEntry>, string]>([
    [
      {
        action: 'delete',
        target: 'message demo-85',
        subject: {
          login: 'pixelpirate',
          displayName: 'PixelPirate',
          messageText: 'that boss fight was insane',
        },
      },
      "ModMia deleted 'that boss fight was insane' from PixelPirate",
    ],
    [{ action: 'delete', target: 'message demo-85' }, 'ModMia deleted a message'],
    [
      { action: 'keepOffStream', target: 'message m9', subject: { login: 'ada', messageText: 'spoiler!' } },
      "ModMia kept 'spoiler!' from ada off stream",
    ],
    // EventSub channel.moderate: author in target, body in detail.
    [{ action: 'delete', target: 'pixelpirate', detail: 'gg' }, "ModMia deleted 'gg' from pixelpirate"],
    [{ action: 'timeout', detail: '1800s' }, 'ModMia timed out pixelpirate for 30 min'],
    [{ action: 'timeout', detail: '5400s — spam' }, 'ModMia timed out pixelpirate for 1 h 30 min — spam'],
    [
      { action: 'timeout', subject: { login: 'p', seconds: 600, reason: 'caps' } },
      'ModMia timed out p for 10 min — caps',
    ],
    [{ action: 'timeout', detail: 'rude' }, 'ModMia timed out pixelpirate — rude'],
    [{ action: 'ban', detail: 'bot' }, 'ModMia banned pixelpirate — bot'],
    [{ action: 'unban' }, 'ModMia unbanned pixelpirate'],
    [{ action: 'untimeout' }, 'ModMia lifted the timeout of pixelpirate'],
    [{ action: 'warn', detail: 'rule 2' }, 'ModMia warned pixelpirate — rule 2'],
    [{ action: 'mod' }, 'ModMia made pixelpirate a moderator'],
    [{ action: 'unmod' }, 'ModMia removed pixelpirate as moderator'],
    [{ action: 'vip' }, 'ModMia made pixelpirate a VIP'],
    [{ action: 'unvip' }, 'ModMia removed pixelpirate as VIP'],
    [{ action: 'ipban', target: '10.0.0.1' }, 'ModMia IP-banned 10.0.0.1'],
    [
      { action: 'automod', target: 'held message h1', detail: 'approve' },
      'ModMia approved a message AutoMod held',
    ],
    [
      { action: 'automod', target: 'held message h1', detail: 'deny' },
      'ModMia denied a message AutoMod held',
    ],
    [
      {
        action: 'chatModes',
        target: 'twitch:x',
        detail: '{"slowSeconds":30,"emoteOnly":true,"followersOnlyMinutes":null}',
      },
      'ModMia changed chat modes (slow mode 30 s, emote-only on, followers-only off)',
    ],
    [{ action: 'shoutout' }, 'ModMia gave pixelpirate a shoutout'],
    [{ action: 'announce', target: 'twitch:x' }, 'ModMia sent an announcement'],
    [{ action: 'clearChat', target: 'twitch:x' }, 'ModMia cleared the chat'],
    [{ action: 'clear', target: '' }, 'ModMia cleared the chat'],
    [{ action: 'userConf', target: 'chatkc:main' }, 'ModMia changed their chat name or colour'],
    [{ action: 'slow', target: '', detail: '30 s' }, 'ModMia turned slow mode on (30 s)'],
    [{ action: 'followersoff', target: '' }, 'ModMia turned followers-only off'],
    [{ action: 'emoteonly', target: '' }, 'ModMia turned emote-only on'],
    [{ action: 'raid', target: 'otherchan' }, 'ModMia raided otherchan'],
    [{ action: 'unraid', target: '' }, 'ModMia cancelled the raid'],
    [{ action: 'add_blocked_term', target: '', detail: 'badword' }, 'ModMia add blocked term — badword'],
  ])('%j', (over, said) => {
    expect(modActionLine(entry(over))).toBe(said);
  });

  it('hostile service text stays one bounded line, with no direction overrides', () => {
    const text = `a\u202Eevil\u0000\r\nline${'x'.repeat(200)}`;
    const { summary } = describeModAction(
      entry({ action: 'delete', target: 'message m', subject: { login: '<b>x</b>', messageText: text } }),
    );
    // eslint-disable-next-line no-control-regex
    expect(summary).not.toMatch(/[\u202E\u0000\r\n]/);
    expect(summary.startsWith("deleted 'a evil line")).toBe(true);
    expect(summary).toContain("…' from <b>x</b>");
    expect([...inlineText(text)].length).toBeLessThanOrEqual(80);
    // A __proto__ action or target is just text.
    expect(modActionLine(entry({ action: '__proto__', target: 'constructor' }))).toBe(
      'ModMia proto constructor',
    );
  });

  it('durations are spoken in at most two units', () => {
    expect([1800, 5400, 60, 45, 86_400, 1_209_600, 90, 0].map(shortDuration)).toEqual([
      '30 min',
      '1 h 30 min',
      '1 min',
      '45 s',
      '1 d',
      '2 wk',
      '1 min 30 s',
      '',
    ]);
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t'])
      expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        ['=b', 'c,d'],
      ]),
    ).toBe('a,1\r\n\'=b,"c,d"\r\n');
  });
});
