import { useCallback, type KeyboardEvent } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { messageKey } from '../../../shared/removal';
import type { LineCommand } from './ModLine';

const PAGE_LINES = 10;

interface ChatKeysOptions {
  shown: readonly ChatMessage[];
  /** Moves the roving focus to this line. */
  select(key: string): void;
  /** ↓ on the newest shown line while paused: show one more line. */
  revealNext(): void;
  command(message: ChatMessage, command: LineCommand): void;
  /** Esc: back to live, cursor in the send box. */
  leave(): void;
}

/** The line's own drawn button for this action (so a hotkey does exactly what a click does), if it has one. */
function clickButton(line: HTMLElement, selector: string): boolean {
  const button = line.querySelector<HTMLButtonElement>(`.line-actions ${selector}`);
  button?.click();
  return !!button;
}

function navigationTarget(key: string, index: number, last: number): number | null {
  const moves: Record<string, number> = {
    ArrowUp: index - 1,
    ArrowDown: index + 1,
    Home: 0,
    End: last,
    PageUp: index - PAGE_LINES,
    PageDown: index + PAGE_LINES,
  };
  return key in moves ? Math.max(0, Math.min(last + 1, moves[key])) : null;
}

/** Runs a line hotkey; false when the key is not one. */
function runLineKey(
  event: KeyboardEvent,
  line: HTMLElement,
  message: ChatMessage,
  o: ChatKeysOptions,
): boolean {
  const onLine = event.target === line;
  switch (event.key) {
    case 'Delete':
    case 'd':
      return clickButton(line, '[data-action="delete"]');
    case 't':
      return clickButton(line, '[data-action^="timeout-"]');
    case 'B':
      return clickButton(line, '[data-action="ban"]');
    case 'm':
    case 'ContextMenu':
    case 'F10':
      if (event.key === 'F10' && !event.shiftKey) return false;
      return clickButton(line, '[data-action="more"]');
    case 'r':
      o.command(message, { type: 'reply' });
      return true;
    case 'u':
      o.command(message, { type: 'user' });
      return true;
    case 'Enter':
      if (onLine) o.command(message, { type: 'user' });
      return onLine;
    case 'c':
      o.command(message, { type: 'copy' });
      return true;
    case 'k': {
      // Only while the line waits in the moderation gate (its button is drawn then).
      const keep = line.querySelector<HTMLButtonElement>('[data-action="keep-off-stream"]');
      keep?.click();
      return !!keep;
    }
    case 'Escape':
      o.leave();
      return true;
    default:
      return false;
  }
}

/** Roving focus and hotkeys of the chat list (the keys are listed in hotkeys.ts and the ? panel). */
export function useChatKeys(options: ChatKeysOptions): (event: KeyboardEvent<HTMLDivElement>) => void {
  return useCallback(
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const line = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
      if (!line) return;
      const { shown } = options;
      const index = shown.findIndex((message) => messageKey(message) === line.dataset.key);
      if (index < 0) return;
      const target = navigationTarget(event.key, index, shown.length - 1);
      if (target !== null) {
        event.preventDefault();
        if (target > shown.length - 1) options.revealNext();
        else options.select(messageKey(shown[target]));
        return;
      }
      if (runLineKey(event, line, shown[index], options)) event.preventDefault();
    },
    [options],
  );
}
