/**
 * Name colours are chosen by viewers, for Twitch's own background: #0000ff or #8b0000 on the console's dark
 * lines fail WCAG contrast. Chatterino lightens such colours; so do we, toward white, only as far as needed
 * for 4.5:1 against the lightest line background (a highlighted line: #2a203b).
 */
const LINE_BACKGROUND: readonly [number, number, number] = [0x2a, 0x20, 0x3b];
const MIN_CONTRAST = 4.5;
const cache = new Map<string, string>();

export function luminance([r, g, b]: readonly number[]): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const hex = (rgb: number[]): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `#rrggbb` (already checked by safeNameColor) → the same colour, or a lighter one that is readable. */
export function readableNameColor(color: string): string {
  const known = cache.get(color);
  if (known) return known;
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  let mixed = rgb;
  for (let white = 0.1; contrast(mixed, LINE_BACKGROUND) < MIN_CONTRAST && white <= 1; white += 0.1) {
    mixed = rgb.map((c) => c + (255 - c) * white);
  }
  const result = mixed === rgb ? color : hex(mixed);
  if (cache.size > 5000) cache.clear();
  cache.set(color, result);
  return result;
}
