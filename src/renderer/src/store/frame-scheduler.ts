import type { FrameScheduler } from './bindings';

/**
 * Next animation frame, with a timer fallback: hidden pages (a minimised window, an inactive OBS scene) get
 * no frames, and pushes must not pile up unapplied meanwhile.
 */
export const animationFrameScheduler: FrameScheduler = (flush) => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
