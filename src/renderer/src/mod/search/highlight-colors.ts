import { CONSOLE_LINE_BACKGROUND, luminance, parseHex, toHex, type Rgb } from '../../common/readable-color';

/** The console's line background (mod.css --bg). */
const BASE: Rgb = [0x0e, 0x0e, 0x10];
/**
 * Name colours are made readable against #2a203b (common/readable-color.ts), and the text colour is lighter still; a
 * highlight background no lighter than that keeps every line's text at 4.5:1 or better.
 */
const LIGHTEST = luminance(parseHex(CONSOLE_LINE_BACKGROUND));
const cache = new Map<string, string>();

/** The line background for a rule colour `#rrggbb`: as much of the colour as contrast allows (at most 35 %). */
export function highlightBackground(color: string): string {
  const known = cache.get(color);
  if (known) return known;
  const rgb = parseHex(color);
  let mixed: Rgb = BASE;
  for (let share = 0.35; share > 0; share -= 0.025) {
    const candidate = rgb.map((c, i) => BASE[i] + (c - BASE[i]) * share) as unknown as Rgb;
    if (luminance(candidate) <= LIGHTEST) {
      mixed = candidate;
      break;
    }
  }
  const result = toHex(mixed);
  if (cache.size > 500) cache.clear();
  cache.set(color, result);
  return result;
}
