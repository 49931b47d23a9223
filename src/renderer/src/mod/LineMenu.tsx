import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Capability, ChatMessage } from '../../../shared/events';
import { authorName } from './LineActions';
import type { LineCommand } from './ModLine';
import { spokenDuration } from './spoken-duration';

export interface MenuTarget {
  message: ChatMessage;
  /** The ⋯ button it was opened from; focus returns there when the menu closes. */
  opener: HTMLElement;
}

interface LineMenuProps {
  target: MenuTarget;
  capabilities: readonly Capability[];
  presets: readonly number[];
  onCommand(message: ChatMessage, command: LineCommand): void;
  onClose(refocus: boolean): void;
}

/** Height of one menu item (chat-column.css: 24 px target + 2 px gap). */
const MENU_ITEM_PX = 26;

interface Item {
  key: string;
  /** Also the accessible name: the menu itself is named "Actions for <user>". */
  label: string;
  command: LineCommand;
}

function itemsFor(message: ChatMessage, caps: readonly Capability[], presets: readonly number[]): Item[] {
  const targetable = message.targetable && !message.flags.own;
  const items: Item[] = [];
  if (targetable && caps.includes('timeout')) {
    for (const seconds of presets) {
      const command: LineCommand = { type: 'timeout', seconds };
      items.push({ key: `timeout-${seconds}`, label: `Timeout ${spokenDuration(seconds)}`, command });
    }
  }
  if (
    targetable &&
    caps.includes('unban') &&
    message.removed &&
    message.removed.reason !== 'delete' &&
    message.removed.liftedAt === undefined
  ) {
    items.push({ key: 'unban', label: 'Unban / untimeout', command: { type: 'unban' } });
  }
  if (targetable && caps.includes('reply'))
    items.push({ key: 'reply', label: 'Reply', command: { type: 'reply' } });
  items.push({ key: 'user', label: 'User card', command: { type: 'user' } });
  items.push({ key: 'copy', label: 'Copy text', command: { type: 'copy' } });
  return items;
}

/**
 * The ⋯ menu of a chat line: every other timeout preset, unban, reply, user card, copy. It always opens just
 * below its ⋯ button, over the lines below (never moving them); arrow keys move, Enter picks, Esc closes.
 */
export function LineMenu({ target, capabilities, presets, onCommand, onClose }: LineMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const items = itemsFor(target.message, capabilities, presets);
  const box = target.opener.getBoundingClientRect();
  // Below the ⋯ button, or above it when the window has no room below (never off screen).
  const height = items.length * MENU_ITEM_PX + 8;
  const top =
    box.bottom + height + 2 > window.innerHeight ? Math.max(0, box.top - height - 2) : box.bottom + 2;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent): void => {
      const inside =
        ref.current?.contains(event.target as Node) || target.opener.contains(event.target as Node);
      if (!inside) onClose(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [target, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
    if (event.key in move) {
      event.preventDefault();
      all[(move[event.key] + all.length) % all.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      ref={ref}
      className="line-menu"
      role="menu"
      aria-label={`Actions for ${authorName(target.message)}`}
      data-testid="line-menu"
      style={{ top, left: box.left }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-action={item.key}
          onClick={() => {
            // Back to the line first: the user card returns focus there, a reply moves it on to the send box.
            onClose(true);
            onCommand(target.message, item.command);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
