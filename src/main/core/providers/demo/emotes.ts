/**
 * The demo's bundled emotes: simple original drawings as inline SVG, so the demo works fully offline (the
 * renderer CSP allows `data:` images). Each is a 32×32 face or symbol readable at chat size (28 px).
 */

export interface DemoEmote {
  name: string;
  id: string;
  url: string;
}

const FACE = (fill: string, inner: string): string =>
  `<circle cx="16" cy="16" r="14" fill="${fill}" stroke="#3a2a10" stroke-width="1.5"/>${inner}`;

const DRAWINGS: Record<string, string> = {
  // Excited face with an open grin and motion lines.
  onairHype: FACE(
    '#ffb020',
    '<path d="M9 12l3-3 3 3M17 12l3-3 3 3" fill="none" stroke="#3a2a10" stroke-width="2" stroke-linecap="round"/>' +
      '<path d="M9 18h14a7 7 0 0 1-14 0z" fill="#7a1f1f"/>' +
      '<path d="M2 6l3 2M30 6l-3 2M1 16h3M31 16h-3" stroke="#ff5a1f" stroke-width="2" stroke-linecap="round"/>',
  ),
  // A plain heart.
  onairLove:
    '<path d="M16 28C5 20 2 14 4 9a6 6 0 0 1 12-1 6 6 0 0 1 12 1c2 5-1 11-12 19z" fill="#ff3d7f" stroke="#8a0f3a" stroke-width="1.5"/>' +
    '<ellipse cx="10" cy="10" rx="2.5" ry="1.5" fill="#ffd0e0"/>',
  // Laughing face: squeezed eyes, wide mouth, a tear of joy.
  onairLol: FACE(
    '#ffd84a',
    '<path d="M8 10l4 2-4 2M24 10l-4 2 4 2" fill="none" stroke="#3a2a10" stroke-width="2" stroke-linecap="round"/>' +
      '<path d="M8 17h16a8 8 0 0 1-16 0z" fill="#7a1f1f"/><circle cx="5" cy="16" r="2" fill="#4db8ff"/>',
  ),
  // Smiling face with a raised open hand.
  onairWave: FACE(
    '#ffd84a',
    '<circle cx="11" cy="13" r="1.8" fill="#3a2a10"/><circle cx="19" cy="13" r="1.8" fill="#3a2a10"/>' +
      '<path d="M10 19q5 5 10 0" fill="none" stroke="#3a2a10" stroke-width="2" stroke-linecap="round"/>' +
      '<rect x="23" y="13" width="8" height="11" rx="3" fill="#ffc07a" stroke="#3a2a10" stroke-width="1.2"/>' +
      '<path d="M25 13v-4M27.5 13v-5M30 13v-3" stroke="#3a2a10" stroke-width="1.6" stroke-linecap="round"/>',
  ),
  // "GG" on a green tag.
  onairGG:
    '<rect x="2" y="6" width="28" height="20" rx="5" fill="#2fbf71" stroke="#145c36" stroke-width="1.5"/>' +
    '<text x="16" y="21.5" font-family="Arial,Helvetica,sans-serif" font-size="13" font-weight="bold" text-anchor="middle" fill="#ffffff">GG</text>',
  // Sad face with streaming tears.
  onairCry: FACE(
    '#8fc7ff',
    '<path d="M8 12q3-2 6 0M18 12q3-2 6 0" fill="none" stroke="#1d3557" stroke-width="2" stroke-linecap="round"/>' +
      '<path d="M11 23q5-5 10 0" fill="none" stroke="#1d3557" stroke-width="2" stroke-linecap="round"/>' +
      '<path d="M10 14v10M22 14v10" stroke="#2a7fff" stroke-width="2.5" stroke-linecap="round"/>',
  ),
  // Face with dark sunglasses and a smirk.
  onairCool: FACE(
    '#ffd84a',
    '<path d="M5 11h22v3l-2 4h-6l-2-4h-2l-2 4H7l-2-4z" fill="#111"/>' +
      '<path d="M12 22q5 3 9-1" fill="none" stroke="#3a2a10" stroke-width="2" stroke-linecap="round"/>',
  ),
  // Astonished face: round eyes, round mouth.
  onairPog: FACE(
    '#c792ff',
    '<circle cx="11" cy="12" r="3.5" fill="#fff" stroke="#2b1a40"/><circle cx="21" cy="12" r="3.5" fill="#fff" stroke="#2b1a40"/>' +
      '<circle cx="11" cy="12" r="1.6" fill="#2b1a40"/><circle cx="21" cy="12" r="1.6" fill="#2b1a40"/>' +
      '<ellipse cx="16" cy="22" rx="4" ry="5" fill="#5a1030"/>',
  ),
};

export function svgDataUrl(inner: string, size = 32): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${inner}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const DEMO_EMOTES: readonly DemoEmote[] = Object.entries(DRAWINGS).map(([name, inner]) => ({
  name,
  id: `demo-emote-${name}`,
  url: svgDataUrl(inner),
}));

const byName = new Map(DEMO_EMOTES.map((emote) => [emote.name, emote]));

export function findDemoEmote(word: string): DemoEmote | undefined {
  return byName.get(word);
}

export const DEMO_EMOTE_NAMES: readonly string[] = DEMO_EMOTES.map((emote) => emote.name);
