import type { MessagePart } from '../../../shared/events';
import { readableColor } from '../common/readable-color';
import { safeLinkUrl, safeNameColor } from '../common/safe';
import type { EffectiveOverlayOptions, LinkMode, OverlayTheme } from './overlay-options';

/**
 * What a name colour is drawn against on each theme: the line's box where the theme has one, else the
 * outline's colour (the backing the text effect gives on a transparent overlay). Keep in step with the
 * theme blocks of overlay.css (`--onair-outline-color`, `--onair-line-background`).
 */
export const THEME_BACKING: Readonly<Record<OverlayTheme, string>> = {
  default: '#000000',
  compact: '#000000',
  boxed: '#000000',
  large: '#000000',
  light: '#ffffff',
};

/** 1.6em of the default 20 px font (overlay.css); ChatLines.tsx measures the real one. */
export const DEFAULT_EMOTE_PX = 32;

/** What every line of one overlay shares: computed once per options change, not per line. */
export interface LineLook {
  /** The colour name colours must contrast with (docs/overlay-css.md "Themes and readability"). */
  backing: string;
  links: LinkMode;
  maxChars: number;
  /** The height emotes are drawn at, in CSS px (lines/emote-size.ts); picks the emote file from `srcset`. */
  emotePx: number;
}

export function lineLook(options: EffectiveOverlayOptions): LineLook {
  return {
    backing: THEME_BACKING[options.theme],
    links: options.links,
    maxChars: options.maxMessageChars,
    emotePx: DEFAULT_EMOTE_PX,
  };
}

/** The author's colour (or a stable fallback), lifted or darkened until it is readable on the theme. */
export function lineNameColor(color: string | null | undefined, login: string, look: LineLook): string {
  return readableColor(safeNameColor(color, login), look.backing);
}

/** `https://www.example.com/a?b` → `example.com/…`; `https://example.com/` → `example.com`. */
export function shortLinkText(part: { text: string; url: string }): string {
  const href = safeLinkUrl(part.url) ?? safeLinkUrl(`https://${part.text}`);
  if (!href) return '[link]';
  const url = new URL(href);
  const host = url.hostname.replace(/^www\./, '');
  return url.pathname === '/' && !url.search && !url.hash ? host : `${host}/…`;
}

export const HIDDEN_LINK_TEXT = '[link]';

/** Message parts with links shown as sent, shortened to their host, or replaced by "[link]". */
export function applyLinkMode(parts: MessagePart[], mode: LinkMode): MessagePart[] {
  if (mode === 'show' || !parts.some((part) => part.type === 'link')) return parts;
  return parts.map((part) => {
    if (part.type !== 'link') return part;
    return mode === 'hide'
      ? { type: 'text', text: HIDDEN_LINK_TEXT }
      : { type: 'link', text: shortLinkText(part), url: part.url };
  });
}
