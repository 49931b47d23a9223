import { describe, expect, it } from 'vitest';
import { normalizeTwitchChannel } from '../../src/shared/channel-input';
import { formatDurationInput, parseDuration, parseDurationList } from '../../src/shared/duration-input';

describe('Twitch channel field', () => {
  it.each([
    ['xqc', 'xqc'],
    ['XQC', 'xqc'],
    ['  #xqc ', 'xqc'],
    ['@xQc', 'xqc'],
    ['https://www.twitch.tv/xqc', 'xqc'],
    ['https://www.twitch.tv/XQC/', 'xqc'],
    ['http://twitch.tv/xqc?referrer=raid', 'xqc'],
    ['twitch.tv/xqc', 'xqc'],
    ['www.twitch.tv/xqc/videos', 'xqc'],
    ['https://m.twitch.tv/some_one_42', 'some_one_42'],
  ])('reads %j as %j', (input, login) => {
    expect(normalizeTwitchChannel(input)).toBe(login);
  });

  it.each([
    '',
    '#',
    'two words',
    'https://www.twitch.tv/',
    'https://example.com/xqc',
    'https://www.twitch.tv.evil.example/xqc',
    'a'.repeat(26),
    'xqc!',
    '##xqc',
  ])('refuses %j', (input) => {
    expect(normalizeTwitchChannel(input)).toBeNull();
  });
});

describe('timeout presets field', () => {
  it('reads units and bare seconds', () => {
    expect(parseDurationList('30s, 10m, 1h, 1d, 1w')).toEqual({
      ok: true,
      seconds: [30, 600, 3600, 86_400, 604_800],
    });
    expect(parseDurationList('1 60 600')).toEqual({ ok: true, seconds: [1, 60, 600] });
    expect(parseDuration('1.5h')).toBe(5400);
    expect(parseDuration('10 M')).toBe(600);
  });

  it('names the item it cannot read instead of saying NaN', () => {
    const result = parseDurationList('10m, 1x, 1d');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('"1x"');
      expect(result.error).not.toMatch(/NaN/);
    }
    expect(parseDuration('-5')).toBeNull();
  });

  it('writes presets back in the shortest exact unit', () => {
    expect([30, 90, 600, 3600, 5400, 86_400, 604_800].map(formatDurationInput)).toEqual([
      '30s',
      '90s',
      '10m',
      '1h',
      '90m',
      '1d',
      '1w',
    ]);
    const round = parseDurationList([1, 600, 86_400].map(formatDurationInput).join(', '));
    expect(round).toEqual({ ok: true, seconds: [1, 600, 86_400] });
  });
});
