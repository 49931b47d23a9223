import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../../../shared/events';
import { messageKey } from '../../../../shared/removal';
import { useModStore } from '../../store/store-context';
import { NO_HOLDS, type Holds } from '../use-chat-window';

interface RevealOptions {
  lines: readonly ChatMessage[];
  shown: readonly ChatMessage[];
  search: { filtering: boolean; close(): void };
  setHolds(holds: Holds): void;
  select(key: string): void;
}

/**
 * A line asked for from elsewhere (the Highlights panel): the chat stops at it (the bar says why and offers
 * "Jump to live"), a search that hides it is closed, and the line is selected once it is drawn.
 */
export function useRevealLine({ lines, shown, search, setHolds, select }: RevealOptions): void {
  const revealKey = useModStore((state) => state.revealKey);
  const revealLine = useModStore((state) => state.revealLine);
  // The line to select once drawn; effects re-check it whenever the shown lines or the request change.
  const focusKey = useRef<string | null>(null);

  useEffect(() => {
    if (revealKey === null) return;
    revealLine(null);
    if (search.filtering && !lines.some((line) => messageKey(line) === revealKey)) search.close();
    // Held as a keyboard selection: it lasts while the line has focus (a scroll hold ends at the bottom).
    setHolds({ ...NO_HOLDS, keyboard: revealKey });
    focusKey.current = revealKey;
  }, [revealKey, revealLine, lines, search, setHolds]);

  useEffect(() => {
    const key = focusKey.current;
    if (key === null || !shown.some((line) => messageKey(line) === key)) return;
    focusKey.current = null;
    select(key);
  }, [revealKey, shown, select]);
}
