import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  readableColor,
  readableNameColor,
} from '../../src/renderer/src/common/readable-color';
import {
  applyLinkMode,
  lineLook,
  lineNameColor,
  shortLinkText,
} from '../../src/renderer/src/overlay/line-look';
import {
  effectiveOptions,
  overlayRootClass,
  parseOverlayQuery,
} from '../../src/renderer/src/overlay/overlay-options';
import { overlayUrls, themeUrl } from '../../src/renderer/src/mod/overlay-urls';
import { defaultSettings, settingsSchema } from '../../src/shared/settings';
import type { MessagePart } from '../../src/shared/events';

describe('name contrast (common/readable-color.ts)', () => {
  it('computes WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#0000ff', '#000000')).toBeCloseTo(2.44, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('lifts #0000FF on a dark backing to at least 4.5:1, keeping it blue', () => {
    const lifted = readableColor('#0000FF', '#000000');
    expect(contrastRatio(lifted, '#000000')).toBeGreaterThanOrEqual(4.5);
    // Only as far as needed: barely above the minimum, not white.
    expect(contrastRatio(lifted, '#000000')).toBeLessThan(4.8);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(lifted.slice(i, i + 2), 16));
    expect(b).toBe(255);
    expect(r).toBe(g);
    expect(r).toBeGreaterThan(0);
  });

  it('darkens a yellow name on a light backing, and leaves readable colours alone', () => {
    const darker = readableColor('#FFFF00', '#ffffff');
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(readableColor('#ff7f50', '#000000')).toBe('#ff7f50');
    expect(readableColor('#0000ff', '#ffffff')).toBe('#0000ff');
  });

  it('reaches the ratio for every hue on both backings (dark red, teal, grey, pure colours)', () => {
    for (const color of ['#8b0000', '#00615c', '#808080', '#ff0000', '#00ff00', '#ff00ff', '#010101']) {
      for (const backing of ['#000000', '#ffffff', '#2a203b']) {
        expect(
          contrastRatio(readableColor(color, backing), backing),
          `${color} on ${backing}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('keeps the console helper: a name readable on its lightest line', () => {
    expect(contrastRatio(readableNameColor('#0000ff'), '#2a203b')).toBeGreaterThanOrEqual(4.5);
  });

  it('uses the theme backing for overlay names, with the fallback colour for users without one', () => {
    const options = effectiveOptions(defaultSettings().overlay, parseOverlayQuery('?theme=light'));
    const look = lineLook(options);
    expect(look.backing).toBe('#ffffff');
    expect(contrastRatio(lineNameColor('#ffff00', 'u', look), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(lineNameColor('javascript:alert(1)', 'someone', look)).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('link modes (overlay/line-look.ts)', () => {
  const parts: MessagePart[] = [
    { type: 'text', text: 'see ' },
    {
      type: 'link',
      text: 'https://www.youtube.com/c/dailydoseofnymnion',
      url: 'https://www.youtube.com/c/dailydoseofnymnion',
    },
    { type: 'text', text: ' and ' },
    { type: 'link', text: 'https://example.com/', url: 'https://example.com/' },
  ];

  it('show keeps the parts as they are (the same array)', () => {
    expect(applyLinkMode(parts, 'show')).toBe(parts);
  });

  it('shorten keeps the host, with … when there was more', () => {
    const shown = applyLinkMode(parts, 'shorten');
    expect(shown.map((p) => p.text).join('')).toBe('see youtube.com/… and example.com');
    expect(shown[1]).toMatchObject({ type: 'link', url: 'https://www.youtube.com/c/dailydoseofnymnion' });
  });

  it('hide replaces each link by [link] as plain text', () => {
    const shown = applyLinkMode(parts, 'hide');
    expect(shown.map((p) => p.text).join('')).toBe('see [link] and [link]');
    expect(shown.filter((p) => p.type === 'link')).toEqual([]);
  });

  it('a link whose URL is not http(s) never shows its URL shortened', () => {
    expect(shortLinkText({ text: 'javascript:alert(1)', url: 'javascript:alert(1)' })).toBe('[link]');
    expect(shortLinkText({ text: 'example.org/x', url: 'nonsense' })).toBe('example.org/…');
  });
});

describe('overlay URL query', () => {
  it('parses theme, effect, links, chars and chat; ignores unknown values', () => {
    const query = parseOverlayQuery('?theme=large&effect=shadow&links=hide&chars=80&chat=0');
    expect(query).toMatchObject({
      theme: 'large',
      textEffect: 'shadow',
      links: 'hide',
      maxMessageChars: 80,
      showChat: false,
    });
    const bogus = parseOverlayQuery('?theme=__proto__&effect=glow&links=1&chars=abc');
    expect(bogus).toMatchObject({
      theme: undefined,
      textEffect: undefined,
      links: undefined,
      maxMessageChars: undefined,
    });
    expect(parseOverlayQuery('?chars=5').maxMessageChars).toBe(20);
    expect(parseOverlayQuery('?chars=9999').maxMessageChars).toBe(500);
  });

  it('the URL overrides the settings, which default to outline, show, 500, default theme, chat on', () => {
    const settings = defaultSettings().overlay;
    expect(effectiveOptions(settings, parseOverlayQuery(''))).toMatchObject({
      theme: 'default',
      textEffect: 'outline',
      links: 'show',
      maxMessageChars: 500,
      showChat: true,
    });
    const saved = { ...settings, theme: 'boxed' as const, links: 'shorten' as const };
    expect(effectiveOptions(saved, parseOverlayQuery(''))).toMatchObject({
      theme: 'boxed',
      links: 'shorten',
    });
    expect(effectiveOptions(saved, parseOverlayQuery('?theme=light&links=show'))).toMatchObject({
      theme: 'light',
      links: 'show',
    });
    expect(overlayRootClass({ textEffect: 'outline' })).toBe('onair-overlay onair-effect--outline');
  });

  it('settings refuse an unknown theme or effect and a cap outside 20–500', () => {
    expect(settingsSchema.safeParse({ overlay: { theme: 'neon' } }).success).toBe(false);
    expect(settingsSchema.safeParse({ overlay: { textEffect: 'glow' } }).success).toBe(false);
    expect(settingsSchema.safeParse({ overlay: { maxMessageChars: 5 } }).success).toBe(false);
    expect(settingsSchema.parse({ overlay: { theme: 'large', links: 'hide' } }).overlay).toMatchObject({
      theme: 'large',
      links: 'hide',
      textEffect: 'outline',
    });
  });

  it('the console derives chat-only, alerts-only and theme URLs from the served overlay URL', () => {
    expect(overlayUrls('http://127.0.0.1:7480/overlay')).toEqual({
      chatAndAlerts: 'http://127.0.0.1:7480/overlay',
      chatOnly: 'http://127.0.0.1:7480/overlay?alerts=0',
      alertsOnly: 'http://127.0.0.1:7480/alerts',
    });
    expect(themeUrl('http://127.0.0.1:7480/overlay', 'boxed')).toBe(
      'http://127.0.0.1:7480/overlay?theme=boxed',
    );
  });
});
