import { describe, expect, it } from 'vitest';
import type { MessagePart } from '../../src/shared/events';
import { alertHeadlineParts } from '../../src/renderer/src/common/alert-text';
import {
  balanceBidi,
  clampMarks,
  displayParts,
  displayText,
  MAX_MARKS,
  NAME_CHARS,
  OVERLAY_TEXT_CHARS,
} from '../../src/renderer/src/common/display-text';

/** Issue 10.8: text that cannot escape its row — the text half (the layout half is test/e2e/text-bounds). */
const RLO = '\u202e';
const PDF = '\u202c';
const LRI = '\u2066';
const PDI = '\u2069';
const zalgo = (base: string, marks: number): string =>
  [...base].map((c) => c + '\u0301\u0316\u0334\u0358'.repeat(Math.ceil(marks / 4)).slice(0, marks)).join('');
const marksIn = (text: string): number => (text.match(/\p{Mn}/gu) ?? []).length;

describe('clampMarks', () => {
  it(`keeps at most ${MAX_MARKS} combining marks per base character`, () => {
    const clamped = clampMarks(zalgo('hello', 40));
    expect(clamped.normalize('NFD').replace(/\p{Mn}/gu, '')).toBe('hello');
    expect(marksIn(clamped)).toBe(5 * MAX_MARKS);
  });

  it('leaves real text alone: Vietnamese, pointed Hebrew, Devanagari, emoji sequences', () => {
    for (const text of [
      'Tiếng Việt có dấu: ệ ộ ữ',
      'שָׁלוֹם בְּרֵאשִׁית',
      'नमस्ते दुनिया',
      '1️⃣ 👩🏽‍💻 🏳️‍🌈 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      'plain ascii',
    ]) {
      expect(clampMarks(text)).toBe(text);
    }
  });

  it('counts marks across invisible format characters hidden between them', () => {
    const sneaky = 'a' + '\u0301\u200d'.repeat(30);
    expect(marksIn(clampMarks(sneaky))).toBe(MAX_MARKS);
  });
});

describe('balanceBidi', () => {
  it('closes an override left open', () => {
    expect(balanceBidi(`${RLO}evil`)).toBe(`${RLO}evil${PDF}`);
    expect(balanceBidi(`${LRI}${RLO}x`)).toBe(`${LRI}${RLO}x${PDF}${PDI}`);
  });

  it('drops closers without an opener (a stray PDI would end the isolate around the element)', () => {
    expect(balanceBidi(`${PDI}${RLO}evil`)).toBe(`${RLO}evil${PDF}`);
    expect(balanceBidi(`a${PDF}b`)).toBe('ab');
  });

  it('keeps balanced controls and lets a PDI end the embeddings inside its isolate', () => {
    expect(balanceBidi(`${LRI}x${PDI} ${RLO}y${PDF}`)).toBe(`${LRI}x${PDI} ${RLO}y${PDF}`);
    expect(balanceBidi(`${LRI}${RLO}x${PDI}`)).toBe(`${LRI}${RLO}x${PDI}`);
  });
});

describe('displayText / displayParts', () => {
  it('caps a name with an ellipsis, never splitting a surrogate pair', () => {
    const name = displayText('😀'.repeat(100));
    expect(name.length).toBeLessThanOrEqual(NAME_CHARS);
    expect(name.endsWith('…')).toBe(true);
    expect(name.slice(0, -1)).toBe('😀'.repeat((NAME_CHARS - 2) / 2));
  });

  it('cuts a 10 kB message at the limit, keeping the parts before the cut', () => {
    const parts: MessagePart[] = [
      { type: 'emote', text: 'Kappa', id: '25', url: 'https://x/25' },
      { type: 'text', text: ` ${'x'.repeat(10_000)}` },
      { type: 'mention', text: '@late', login: 'late' },
    ];
    const shown = displayParts(parts, OVERLAY_TEXT_CHARS);
    expect(shown[0]).toBe(parts[0]); // untouched parts are not copied
    expect(shown).toHaveLength(2);
    expect(shown[1]).toEqual({ type: 'text', text: ` ${'x'.repeat(OVERLAY_TEXT_CHARS - 6)}…` });
  });

  it('does not cut inside an emote or link: it ends before it', () => {
    const parts: MessagePart[] = [
      { type: 'text', text: 'abc ' },
      { type: 'link', text: 'https://example.com/long', url: 'https://example.com/long' },
    ];
    expect(displayParts(parts, 10)).toEqual([
      { type: 'text', text: 'abc ' },
      { type: 'text', text: '…' },
    ]);
  });

  it('clamps marks before counting, so Zalgo is not cut to a few letters', () => {
    const [part] = displayParts([{ type: 'text', text: zalgo('abcdefghij', 50) }], OVERLAY_TEXT_CHARS);
    expect(part.text.replace(/\p{Mn}/gu, '')).toBe('abcdefghij');
  });

  it('balances bidi per part, so an RLO in one part ends with it', () => {
    const shown = displayParts(
      [
        { type: 'text', text: `${RLO}gnp.` },
        { type: 'link', text: 'https://a.example', url: 'https://a.example' },
      ],
      OVERLAY_TEXT_CHARS,
    );
    expect(shown[0].text).toBe(`${RLO}gnp.${PDF}`);
  });
});

describe('alert headline pieces', () => {
  it('puts names and titles at odd indices, cleaned', () => {
    const pieces = alertHeadlineParts({
      kind: 'alert',
      id: 'a',
      source: { sourceId: 's', provider: 'twitch', channel: 'c' },
      alertType: 'redemption',
      user: { id: null, login: null, displayName: `${RLO}Eve` },
      title: zalgo('Hydrate', 20),
      message: null,
      serverTime: 0,
      receivedAt: 0,
    });
    expect(pieces).toEqual(['', `${RLO}Eve${PDF}`, ' redeemed ', clampMarks(zalgo('Hydrate', 20))]);
  });
});
