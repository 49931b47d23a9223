import { useCallback, useMemo, useState } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { messageKey } from '../../../shared/removal';
import type { MenuTarget } from './LineMenu';

/** Lines in the DOM at once: the history can be thousands long, the DOM stays ~1,000 elements. */
export const WINDOW_LINES = 70;

/** Why the chat is not live, strongest first; each holds the last line shown when it began. */
export interface Holds {
  scroll: string | null;
  hover: string | null;
  keyboard: string | null;
  menu: string | null;
}
export const NO_HOLDS: Holds = { scroll: null, hover: null, keyboard: null, menu: null };

function indexOfKey(messages: ChatMessage[], key: string): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messageKey(messages[i]) === key) return i;
  return -1;
}

/**
 * The window of lines to draw: the newest WINDOW_LINES while live, or those up to the line the strongest
 * hold began at. `hold(why, on)` starts or ends one reason to pause.
 */
export function useChatWindow(messages: ChatMessage[]) {
  const [holds, setHolds] = useState<Holds>(NO_HOLDS);
  const anchor = holds.scroll ?? holds.hover ?? holds.keyboard ?? holds.menu;
  const anchorIndex = anchor === null ? -1 : indexOfKey(messages, anchor);
  const end = anchorIndex >= 0 ? anchorIndex + 1 : messages.length;
  const start = Math.max(0, end - WINDOW_LINES);
  const shown = useMemo(() => messages.slice(start, end), [messages, start, end]);
  const lastShownKey = shown.length > 0 ? messageKey(shown[shown.length - 1]) : null;
  const hold = useCallback(
    (why: keyof Holds, on: boolean) =>
      setHolds((current) => ({ ...current, [why]: on ? (current[why] ?? lastShownKey) : null })),
    [lastShownKey],
  );
  return { holds, setHolds, hold, shown, start, end, live: anchorIndex < 0, lastShownKey };
}

/** The open ⋯ menu, which holds the chat still while it is open. */
export function useLineMenuState(hold: (why: keyof Holds, on: boolean) => void) {
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const openMenu = useCallback(
    (message: ChatMessage, opener: HTMLElement) => {
      setMenu((current) => (current?.message === message ? null : { message, opener }));
      hold('menu', true);
    },
    [hold],
  );
  const closeMenu = useCallback(
    (refocus: boolean) => {
      if (refocus) menu?.opener.closest<HTMLElement>('[data-key]')?.focus();
      setMenu(null);
      hold('menu', false);
    },
    [hold, menu],
  );
  return { menu, openMenu, closeMenu };
}
