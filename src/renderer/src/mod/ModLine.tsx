import { memo } from 'react';
import type { ChatMessage, Capability } from '../../../shared/events';
import { displayText, MOD_TEXT_CHARS } from '../common/display-text';
import { messageKey } from '../../../shared/removal';
import { formatClock, formatDuration } from '../common/format';
import { Badges, MessageParts } from '../common/MessageParts';
import { safeNameColor } from '../common/safe';
import { removedLabel } from './removed-label';

export type LineCommand =
  | { type: 'delete' }
  | { type: 'timeout'; seconds: number }
  | { type: 'ban' }
  | { type: 'unban' }
  | { type: 'reply' }
  | { type: 'user' };

interface ModLineProps {
  message: ChatMessage;
  capabilities: readonly Capability[];
  presets: readonly number[];
  /** The line under the cursor shows every timeout preset; the others show one quick timeout. */
  expanded: boolean;
  demo: boolean;
  onCommand(message: ChatMessage, command: LineCommand): void;
}

/** The quick timeout shown on every line: 10 minutes if it is a preset, else the middle preset. */
export function quickTimeout(presets: readonly number[]): number | undefined {
  return presets.includes(600) ? 600 : presets[Math.floor(presets.length / 2)];
}

export const ModLine = memo(function ModLine({
  message,
  capabilities,
  presets,
  expanded,
  demo,
  onCommand,
}: ModLineProps) {
  const color = safeNameColor(message.author.color, message.author.login);
  const removed = removedLabel(message);
  const has = (capability: Capability): boolean => capabilities.includes(capability);
  const targetable = message.targetable && !message.flags.own;
  const timeouts = expanded ? presets : [quickTimeout(presets)].filter((s): s is number => s !== undefined);
  const classes = ['mod-line'];
  if (message.removed) classes.push('mod-line--removed');
  if (message.flags.firstMessage) classes.push('mod-line--first');
  if (message.flags.donation || message.flags.bits) classes.push('mod-line--paid');
  if (message.flags.highlighted) classes.push('mod-line--highlighted');
  // Demo lines get a hatched margin (see the DEMO label in the header), not an extra element per line.
  if (demo) classes.push('mod-line--demo');
  return (
    <div
      className={classes.join(' ')}
      data-testid="mod-line"
      data-message-id={message.id}
      data-source-id={message.source.sourceId}
      data-key={messageKey(message)}
      data-removed={message.removed ? (message.removed.confirmed ? 'confirmed' : 'local') : undefined}
    >
      <span className="mod-line-actions">
        {targetable && has('delete') && !message.removed ? (
          <button
            type="button"
            data-action="delete"
            title="Delete message"
            onClick={() => onCommand(message, { type: 'delete' })}
          >
            ✕
          </button>
        ) : null}
        {targetable && has('timeout')
          ? timeouts.map((seconds) => (
              <button
                key={seconds}
                type="button"
                data-action={`timeout-${seconds}`}
                title={`Timeout ${formatDuration(seconds)}`}
                onClick={() => onCommand(message, { type: 'timeout', seconds })}
              >
                {formatDuration(seconds)}
              </button>
            ))
          : null}
        {targetable && has('ban') ? (
          <button
            type="button"
            data-action="ban"
            className="danger"
            title="Ban user"
            onClick={() => onCommand(message, { type: 'ban' })}
          >
            ban
          </button>
        ) : null}
        {expanded &&
        targetable &&
        has('unban') &&
        message.removed &&
        message.removed.reason !== 'delete' &&
        message.removed.liftedAt === undefined ? (
          <button
            type="button"
            data-action="unban"
            title="Unban / untimeout"
            onClick={() => onCommand(message, { type: 'unban' })}
          >
            ↺
          </button>
        ) : null}
        {expanded && has('reply') && targetable ? (
          <button
            type="button"
            data-action="reply"
            title="Reply"
            onClick={() => onCommand(message, { type: 'reply' })}
          >
            ↩
          </button>
        ) : null}
      </span>
      <span className="mod-time">{formatClock(message.receivedAt)}</span>
      <Badges badges={message.author.badges} />
      {/* Name and text are bidi-isolated (dir=auto): an RLO in either cannot reorder the ": " between them. */}
      <button
        type="button"
        className="mod-name"
        dir="auto"
        style={{ color }}
        onClick={() => onCommand(message, { type: 'user' })}
      >
        {displayText(message.author.displayName || message.author.login)}
      </button>
      {message.flags.action ? ' ' : ': '}
      <span className="mod-text" dir="auto" style={message.flags.action ? { color } : undefined}>
        {message.reply ? (
          <span className="mod-reply-ref">
            ↪ @<bdi>{displayText(message.reply.parentAuthor)}</bdi>{' '}
          </span>
        ) : null}
        <MessageParts parts={message.parts} clickableLinks maxChars={MOD_TEXT_CHARS} />
      </span>
      {removed ? <span className="mod-removed-note">({removed})</span> : null}
    </div>
  );
});
