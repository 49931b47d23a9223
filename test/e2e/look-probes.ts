/**
 * Page-side probes for the readability tests, as source strings (the page runs them as written, no helpers
 * from the test's bundler). WCAG contrast is computed in the page from the colour the browser resolved.
 */

/** `contrastOf(selector, backing)`: contrast ratio of the first match's computed colour against `#rrggbb`. */
export const contrastOf = (selector: string, backing: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  const fg = getComputedStyle(el).color.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const bg = [1, 3, 5].map((i) => parseInt(${JSON.stringify(backing)}.slice(i, i + 2), 16));
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return { color: getComputedStyle(el).color, ratio: (hi + 0.05) / (lo + 0.05) };
})()`;

/** The text effect as the browser applies it to a line's text. */
export const textEffectOf = (selector: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  const style = getComputedStyle(el);
  return {
    strokeWidth: parseFloat(style.webkitTextStrokeWidth),
    strokeColor: style.webkitTextStrokeColor,
    paintOrder: style.paintOrder,
    textShadow: style.textShadow,
  };
})()`;

/** A busy scene behind the transparent overlay: a seeded canvas of colour blocks, stripes and noise. */
export const BUSY_BACKGROUND = `(() => {
  let seed = 1234567;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const canvas = document.createElement('canvas');
  canvas.width = innerWidth;
  canvas.height = innerHeight;
  const g = canvas.getContext('2d');
  const sky = g.createLinearGradient(0, 0, canvas.width, canvas.height);
  sky.addColorStop(0, '#5ab0ff'); sky.addColorStop(0.4, '#ffe066'); sky.addColorStop(0.7, '#e8483c'); sky.addColorStop(1, '#1d1340');
  g.fillStyle = sky;
  g.fillRect(0, 0, canvas.width, canvas.height);
  const colours = ['#ffffff', '#000000', '#0000ff', '#ff00ff', '#00ff66', '#ffff00', '#ff3300', '#8b0000', '#00ced1'];
  for (let i = 0; i < 260; i++) {
    g.fillStyle = colours[Math.floor(rand() * colours.length)];
    g.globalAlpha = 0.35 + rand() * 0.65;
    const x = rand() * canvas.width, y = rand() * canvas.height, s = 6 + rand() * 70;
    if (i % 3 === 0) { g.beginPath(); g.arc(x, y, s / 2, 0, Math.PI * 2); g.fill(); }
    else g.fillRect(x, y, s * (0.3 + rand() * 2), s * (0.1 + rand()));
  }
  g.globalAlpha = 1;
  const noise = g.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < noise.data.length; i += 4) {
    const n = (rand() - 0.5) * 90;
    noise.data[i] += n; noise.data[i + 1] += n; noise.data[i + 2] += n;
  }
  g.putImageData(noise, 0, 0);
  return canvas.toDataURL('image/png');
})()`;

/** Sets the page background behind the transparent overlay (a colour, a gradient or an image URL). */
export const setBackground = (css: string): string =>
  `document.body.style.background = ${JSON.stringify(css)}; document.documentElement.style.background = 'none'`;

/** How many lines each theme preview in the console's gallery draws inside its shadow root. */
export const previewLineCounts = `[...document.querySelectorAll('[data-testid="theme-preview"]')].map(
  (host) => [host.dataset.theme, host.shadowRoot ? host.shadowRoot.querySelectorAll('.onair-line').length : 0])`;
