import { useLayoutEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { OverlayState } from '../store/create-stores';
import { useOverlayStoreApi } from '../store/store-context';
import type { LineLook } from './line-look';
import { ChatView } from './lines/chat-view';
import { emoteHeightPx } from './lines/emote-size';
import { warmUp } from './lines/warm-up';
import { visibleLines, type EffectiveOverlayOptions } from './overlay-options';

/**
 * Follows the store's lines and keeps the chat view in step, outside React's render: a push changes the DOM
 * in the same task it arrives in (bench:latency, bench:peer). Returns the stop function.
 */
function followLines(
  store: StoreApi<OverlayState>,
  view: ChatView,
  options: EffectiveOverlayOptions,
): () => void {
  const fadeMs = options.fadeSeconds * 1000;
  // Lines are judged against the later of the last expiry tick and the newest line's own arrival, so fresh
  // lines are never taken for expired.
  let now = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerFor: number | null = null;
  let shown = store.getState().messages;

  const render = (): void => {
    const messages = store.getState().messages;
    shown = messages;
    const newest = messages.length > 0 ? messages[messages.length - 1].receivedAt : 0;
    const lines = visibleLines(messages, options, Math.max(now, newest));
    view.show(lines);
    // One timer for the next line to expire, not one per line; nothing runs when nothing fades.
    const nextExpiry = fadeMs > 0 && lines.length > 0 ? lines[0].receivedAt + fadeMs : null;
    if (nextExpiry === timerFor) return;
    clearTimeout(timer);
    timerFor = nextExpiry;
    if (nextExpiry === null) return;
    timer = setTimeout(
      () => {
        now = Date.now();
        timerFor = null;
        render();
      },
      Math.max(0, nextExpiry - Date.now()) + 20,
    );
  };

  render();
  const unsubscribe = store.subscribe((state) => {
    if (state.messages !== shown) render();
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/** The overlay's chat column. React draws only the container; the lines are ChatView's (lines/chat-view.ts). */
export function ChatLines({ options, look }: { options: EffectiveOverlayOptions; look: LineLook }) {
  const store = useOverlayStoreApi();
  const container = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const overlay = container.current?.parentElement;
    if (overlay) warmUp(overlay, look);
  }, [look]);

  useLayoutEffect(() => {
    if (!container.current) return;
    const sized = { ...look, emotePx: emoteHeightPx(container.current) };
    const view = new ChatView(container.current, sized, options.fadeSeconds * 1000);
    const stop = followLines(store, view, options);
    return () => {
      stop();
      view.clear();
    };
  }, [store, options, look]);

  return <div className="onair-chat" data-testid="chat" ref={container} />;
}
