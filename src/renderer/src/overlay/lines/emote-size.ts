import { DEFAULT_EMOTE_PX } from '../line-look';

/**
 * The height emotes are drawn at in `column`, in CSS px: `--onair-emote-height` (overlay.css, 1.6em; OBS custom
 * CSS may set it in em or px) against the column's font size. Read once per view, not per line.
 */
export function emoteHeightPx(column: Element): number {
  const style = getComputedStyle(column);
  const fontPx = parseFloat(style.fontSize);
  const value = style.getPropertyValue('--onair-emote-height').trim();
  const amount = parseFloat(value);
  if (!Number.isFinite(amount) || amount <= 0) return DEFAULT_EMOTE_PX;
  if (value.endsWith('px')) return amount;
  if (value.endsWith('em') && !value.endsWith('rem') && Number.isFinite(fontPx)) return amount * fontPx;
  return DEFAULT_EMOTE_PX;
}
