import type { FrameScheduler } from './bindings';

/** Hidden pages (a minimised window, an inactive OBS scene) get no frames; pushes still apply this often. */
const HIDDEN_FALLBACK_MS = 250;

/**
 * At most one store update (so one React render) per animation frame, without waiting for a frame when none
 * ran since the last one: the first push after a frame applies at once (end of the current task), later ones
 * in the same frame wait for the next. That keeps socket → pixels one frame shorter than always waiting.
 */
export function createFrameScheduler(): FrameScheduler {
  let flushedThisFrame = false;
  let resetPending = false;
  const markFlushed = (): void => {
    flushedThisFrame = true;
    if (resetPending) return;
    resetPending = true;
    requestAnimationFrame(() => {
      resetPending = false;
      flushedThisFrame = false;
    });
  };

  return (flush) => {
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      markFlushed();
      flush();
    };
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (!flushedThisFrame) {
      queueMicrotask(run);
    } else {
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, HIDDEN_FALLBACK_MS);
    }
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };
}
