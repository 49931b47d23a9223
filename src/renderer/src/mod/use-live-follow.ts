import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const BOTTOM_SLACK_PX = 30;
/** A scroll this soon after a wheel, touch or scrollbar press is the moderator's; any other is ours. */
const INTENT_MS = 600;

interface LiveFollowOptions {
  listRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  live: boolean;
  /** Changes whenever the lines shown change. */
  shown: unknown;
  scrolledBack: boolean;
  onScrolledUp(): void;
  onBackAtBottom(): void;
}

/**
 * Keeps a live list pinned to its newest line, and pauses it only when the moderator scrolls up. Scroll
 * events caused by anything else — our own pinning, lines growing when an image or font arrives, the list
 * getting shorter — never pause it (that is how "Scrolled back" used to appear with nobody touching it).
 */
export function useLiveFollow(options: LiveFollowOptions): { onScroll(): void } {
  const { listRef, contentRef, live, shown, scrolledBack, onScrolledUp, onBackAtBottom } = options;
  const intentAt = useRef(-Infinity);
  const liveRef = useRef(live);
  useLayoutEffect(() => {
    liveRef.current = live;
  }, [live]);

  const pin = useCallback(() => {
    const list = listRef.current;
    if (list && liveRef.current) list.scrollTop = list.scrollHeight;
  }, [listRef]);

  useLayoutEffect(pin, [shown, live, pin]);

  useEffect(() => {
    const list = listRef.current;
    const content = contentRef.current;
    if (!list || !content) return;
    const observer = new ResizeObserver(pin);
    observer.observe(list);
    observer.observe(content);
    const markIntent = (event: Event): void => {
      // A press on the list itself (not on a line) is a press on its scrollbar.
      if (event.type !== 'pointerdown' || event.target === list) intentAt.current = performance.now();
    };
    for (const type of ['wheel', 'touchmove', 'pointerdown'] as const) {
      list.addEventListener(type, markIntent, { passive: true });
    }
    return () => {
      observer.disconnect();
      for (const type of ['wheel', 'touchmove', 'pointerdown'] as const) {
        list.removeEventListener(type, markIntent);
      }
    };
  }, [listRef, contentRef, pin]);

  const onScroll = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < BOTTOM_SLACK_PX;
    const byModerator = performance.now() - intentAt.current < INTENT_MS;
    if (!atBottom && byModerator && !scrolledBack) onScrolledUp();
    else if (atBottom && scrolledBack) onBackAtBottom();
    else if (!atBottom && !byModerator && liveRef.current) pin();
  }, [listRef, scrolledBack, onScrolledUp, onBackAtBottom, pin]);

  return { onScroll };
}
