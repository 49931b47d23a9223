import { describe, expect, it } from 'vitest';
import type { MessagePart } from '../../src/shared/events';
import { applyEmotes } from '../../src/main/core/emotes/match';
import type { ThirdPartyEmote } from '../../src/main/core/emotes/types';
import { buildParts } from '../../src/main/core/providers/twitch/irc/message-parts';
import { stackEmotes } from '../../src/renderer/src/common/emote-images';

const emote = (code: string, extra: Partial<ThirdPartyEmote> = {}): ThirdPartyEmote => ({
  provider: '7tv',
  id: `id-${code}`,
  code,
  images: [{ url: `https://cdn.7tv.app/emote/${code}/1x.webp`, width: 32 }],
  animated: false,
  zeroWidth: false,
  ...extra,
});
const lookupOf = (...emotes: ThirdPartyEmote[]) => new Map(emotes.map((e) => [e.code, e]));
const shape = (parts: readonly MessagePart[]) =>
  parts.map((p) => (p.type === 'emote' ? `[${p.text}]` : p.text)).join('|');

describe('third-party emote words', () => {
  const lookup = lookupOf(emote('PagMan'), emote('EZ'), emote('__proto__'), emote('constructor'));

  it('matches whole words only, case-sensitive, not next to punctuation', () => {
    const parts = applyEmotes(buildParts('PagMan hi PagMan, pagman xPagMan EZ', []), lookup);
    expect(shape(parts)).toBe('[PagMan]| hi PagMan, pagman xPagMan |[EZ]');
  });

  it('never matches inside links or mentions', () => {
    const parts = applyEmotes(buildParts('@PagMan https://x.tv/PagMan EZ', []), lookup);
    expect(parts.map((p) => p.type)).toEqual(['mention', 'text', 'link', 'text', 'emote']);
  });

  it("leaves Twitch's own emotes alone (they win a shared name)", () => {
    const parts = applyEmotes(buildParts('EZ EZ', [{ id: '25', start: 0, end: 1 }]), lookup);
    expect(parts[0]).toMatchObject({ type: 'emote', id: '25' });
    expect(parts[2]).toMatchObject({ type: 'emote', id: 'id-EZ', provider: '7tv' });
  });

  it('takes hostile codes such as __proto__ and constructor as plain emote names', () => {
    expect(shape(applyEmotes(buildParts('__proto__ constructor toString', []), lookup))).toBe(
      '[__proto__]| |[constructor]| toString',
    );
    expect(shape(applyEmotes(buildParts('toString hasOwnProperty', []), lookupOf(emote('x'))))).toBe(
      'toString hasOwnProperty',
    );
  });

  it('returns the same parts when nothing matched, and keeps every space', () => {
    const parts = buildParts('  a  b  ', []);
    expect(applyEmotes(parts, lookup)).toBe(parts);
    expect(shape(applyEmotes(buildParts('  EZ  b ', []), lookup))).toBe('  |[EZ]|  b ');
  });
});

describe('zero-width emotes in the views', () => {
  const lookup = lookupOf(
    emote('PagMan'),
    emote('RainTime', { zeroWidth: true }),
    emote('SantaHat', { zeroWidth: true }),
  );
  const stacked = (text: string) =>
    stackEmotes(applyEmotes(buildParts(text, []), lookup)).map((p) =>
      p.type === 'stack'
        ? `{${p.base.text}+${p.overlays.map((o) => o.text).join('+')}}`
        : p.type === 'emote'
          ? `[${p.text}]`
          : p.text,
    );

  it('draws a zero-width emote over the emote just before it, several in a row too', () => {
    expect(stacked('PagMan RainTime SantaHat wow')).toEqual(['{PagMan+RainTime+SantaHat}', ' wow']);
  });

  it('shows one with no emote before it (or words between) as an ordinary emote', () => {
    expect(stacked('RainTime PagMan')).toEqual(['[RainTime]', ' ', '[PagMan]']);
    expect(stacked('PagMan and RainTime')).toEqual(['[PagMan]', ' and ', '[RainTime]']);
  });

  it('stacks over a Twitch emote as well', () => {
    const parts = stackEmotes(
      applyEmotes(buildParts('Kappa SantaHat', [{ id: '25', start: 0, end: 4 }]), lookup),
    );
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ type: 'stack', base: { id: '25' } });
  });
});
