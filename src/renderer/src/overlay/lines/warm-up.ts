import type { LineLook } from '../line-look';
import { sampleLines } from '../sample-lines';
import { buildLine } from './build-line';

/** Longest the unseen sample lines stay, for pages that get no animation frames (a hidden OBS source). */
const WARM_UP_MAX_MS = 1000;

/**
 * Builds and lays out the sample lines (emoji, CJK, a link, a /me) once, unseen, when the overlay opens: the
 * first real lines then find the line builder compiled and the fallback fonts found and loaded, instead of
 * waiting for that in the middle of a stream (bench:latency: the slowest lines of a run were its first).
 */
export function warmUp(overlay: HTMLElement, look: LineLook): void {
  const box = document.createElement('div');
  box.className = 'onair-warm-up';
  box.setAttribute('aria-hidden', 'true');
  for (const sample of sampleLines()) {
    const line = buildLine(sample, look, null);
    // Not a chat line for anything that counts them (tests, probes, custom CSS selecting by attribute).
    delete line.dataset.testid;
    delete line.dataset.messageId;
    box.append(line);
  }
  overlay.append(box);
  const done = (): void => box.remove();
  requestAnimationFrame(() => requestAnimationFrame(done));
  setTimeout(done, WARM_UP_MAX_MS);
}
