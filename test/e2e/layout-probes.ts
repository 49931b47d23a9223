/**
 * In-page probes for the console layout tests (source strings: the Node tsconfig has no DOM types, see
 * page-probes.ts).
 */

/** Where an element is, and whether it is shown at all (null when missing). */
export const boxOf = (selector: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
    shown: style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0 && r.height > 0 };
})()`;

/** Page wider than the window (something cut off or scrolling sideways)? */
export const horizontalOverflow = `document.documentElement.scrollWidth - window.innerWidth`;

/**
 * Elements in the console's frame (header, chat column, tools panel) whose box reaches past the right edge of
 * the window: cut off. Scrolling containers' children are allowed (the chip row scrolls sideways by design).
 */
export const clippedElements = `(() => {
  const out = [];
  const width = window.innerWidth;
  for (const el of document.querySelectorAll('.top-bar > *, .chat-column > *, .send-box *, #side-panel:not([hidden]) .tabs > *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) out.push(el.className || el.tagName);
  }
  return out;
})()`;

/** axe-core results for `include` selectors: serious and critical violations only, summarised. */
export const axeViolations = (include: string[]): string => `(async () => {
  const result = await window.axe.run({ include: ${JSON.stringify(include.map((s) => [s]))} }, {
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', '));
})()`;

/** For `expect.poll` in the console tests: the machine is shared and slow, the default 1 s is too short. */
export const EVENTUALLY = { timeout: 15_000, interval: 100 };
