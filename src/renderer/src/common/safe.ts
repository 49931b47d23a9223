/**
 * Everything from chat is untrusted. These checks run before a value reaches a style or an attribute;
 * text itself is only ever rendered as React text nodes.
 */

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Fallback colours for users who never chose one (readable on dark and on transparent backgrounds). */
const FALLBACK_COLORS = [
  '#ff7f50',
  '#1e90ff',
  '#9acd32',
  '#ff69b4',
  '#daa520',
  '#5f9ea0',
  '#b388ff',
  '#00ced1',
];

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** The user's colour when it is a plain `#rrggbb`, else a stable fallback picked from the login. */
export function safeNameColor(color: string | null | undefined, login: string): string {
  if (isHexColor(color)) return color;
  let hash = 0;
  for (let i = 0; i < login.length; i++) hash = (hash * 31 + login.charCodeAt(i)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length];
}

/** Only http(s) URLs, returned normalised; anything else (javascript:, data:, file:) gives null. */
export function safeLinkUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Image sources: http(s), or inline raster/SVG `data:image/…` (an <img> never runs script). */
export function safeImageUrl(url: string | undefined): string | null {
  if (!url) return null;
  if (/^data:image\/(png|gif|jpeg|webp|avif|svg\+xml)[;,]/i.test(url)) return url;
  return safeLinkUrl(url);
}
