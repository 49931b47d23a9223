/**
 * Name colours are chosen by viewers for Twitch's own background: #0000ff or #8b0000 on a dark line, or
 * #ffff00 on a light one, fail WCAG contrast. Like Chatterino's readability adjustment, we keep the hue and
 * saturation and move only the HSL lightness — away from the background, and only as far as needed to reach
 * the minimum ratio. One result per colour and background (a Map), never per render.
 */

/** WCAG AA for normal text: names on the overlay's themes and in the console (docs/overlay-css.md). */
export const MIN_NAME_CONTRAST = 4.5;

export type Rgb = readonly [number, number, number];
const cache = new Map<string, string>();
const CACHE_LIMIT = 5000;

/** `#rrggbb` → [r, g, b] in 0–255; callers pass checked colours (safeNameColor, theme constants). */
export function parseHex(color: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as unknown as Rgb;
}

export const toHex = (rgb: Rgb): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance, 0–1. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  return ratio(parseHex(a), parseHex(b));
}

function toHsl([r8, g8, b8]: Rgb): [number, number, number] {
  const [r, g, b] = [r8 / 255, g8 / 255, b8 / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function fromHsl(h: number, s: number, l: number): Rgb {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  // Whole channels: the colour tested is exactly the `#rrggbb` returned.
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)].map((c) =>
    Math.round(c * 255),
  ) as unknown as Rgb;
}

function adjust(color: string, background: string, minRatio: number): string {
  const rgb = parseHex(color);
  const bg = parseHex(background);
  if (ratio(rgb, bg) >= minRatio) return color;
  const [h, s, l] = toHsl(rgb);
  // Lighter on a dark background, darker on a light one: whichever extreme contrasts more.
  const target = ratio([255, 255, 255], bg) >= ratio([0, 0, 0], bg) ? 1 : 0;
  // Luminance is monotonic in lightness for a fixed hue and saturation: bisect for the smallest change.
  let near = l;
  let far = target;
  for (let i = 0; i < 20; i++) {
    const mid = (near + far) / 2;
    if (ratio(fromHsl(h, s, mid), bg) >= minRatio) far = mid;
    else near = mid;
  }
  return toHex(fromHsl(h, s, far));
}

/**
 * `#rrggbb` (already checked by safeNameColor) → the same colour when it reaches `minRatio` against
 * `background`, else the nearest lighter (or darker) colour of the same hue that does.
 */
export function readableColor(color: string, background: string, minRatio = MIN_NAME_CONTRAST): string {
  const key = `${color}|${background}|${minRatio}`;
  const known = cache.get(key);
  if (known) return known;
  const result = adjust(color.toLowerCase(), background, minRatio);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** The console's lightest line background (a highlighted line). */
export const CONSOLE_LINE_BACKGROUND = '#2a203b';

/** A name colour readable on the mod console's lines. */
export function readableNameColor(color: string): string {
  return readableColor(color, CONSOLE_LINE_BACKGROUND);
}
