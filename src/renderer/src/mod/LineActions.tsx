import { memo } from 'react';
import type { Capability, ChatMessage } from '../../../shared/events';
import { formatDuration } from '../common/format';
import type { LineCommand } from './line-command';
import { timeoutButtonName } from './spoken-duration';

interface LineActionsProps {
  message: ChatMessage;
  capabilities: readonly Capability[];
  /** The one timeout every line offers (the others are in the ⋯ menu), or undefined when there are none. */
  quickTimeout: number | undefined;
  menuOpen: boolean;
  onCommand(message: ChatMessage, command: LineCommand): void;
  onMenu(message: ChatMessage, opener: HTMLElement): void;
}

export const authorName = (message: ChatMessage): string =>
  message.author.displayName || message.author.login;

/**
 * The fixed action column: delete, the default timeout, ban and ⋯ (more), each always in its own grid
 * column (chat-column.css), so nothing moves on hover, on focus, or when a line loses a button. Buttons are
 * not tab stops: the line is (roving focus), and its hotkeys reach the same actions.
 */
export const LineActions = memo(function LineActions({
  message,
  capabilities,
  quickTimeout,
  menuOpen,
  onCommand,
  onMenu,
}: LineActionsProps) {
  const has = (capability: Capability): boolean => capabilities.includes(capability);
  const name = authorName(message);
  const targetable = message.targetable && !message.flags.own;
  return (
    <span className="line-actions">
      {targetable && has('delete') && !message.removed ? (
        <button
          type="button"
          tabIndex={-1}
          data-action="delete"
          aria-label={`Delete ${name}'s message`}
          title="Delete message (Del)"
          onClick={() => onCommand(message, { type: 'delete' })}
        >
          ✕
        </button>
      ) : null}
      {targetable && has('timeout') && quickTimeout !== undefined ? (
        <button
          type="button"
          tabIndex={-1}
          data-action={`timeout-${quickTimeout}`}
          aria-label={timeoutButtonName(name, quickTimeout, formatDuration(quickTimeout))}
          title={`Timeout ${formatDuration(quickTimeout)} (T)`}
          onClick={() => onCommand(message, { type: 'timeout', seconds: quickTimeout })}
        >
          {formatDuration(quickTimeout)}
        </button>
      ) : null}
      {targetable && has('ban') ? (
        <button
          type="button"
          tabIndex={-1}
          data-action="ban"
          className="danger"
          aria-label={`Ban ${name}`}
          title="Ban user (Shift+B)"
          onClick={() => onCommand(message, { type: 'ban' })}
        >
          ban
        </button>
      ) : null}
      <button
        type="button"
        tabIndex={-1}
        data-action="more"
        aria-label={`More actions for ${name}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        title="More: other timeouts, unban, reply, user card, copy (M)"
        onClick={(event) => onMenu(message, event.currentTarget)}
      >
        ⋯
      </button>
    </span>
  );
});
