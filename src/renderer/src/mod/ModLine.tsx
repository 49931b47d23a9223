import { memo } from 'react';
import type { ChatMessage, Capability } from '../../../shared/events';
import { messageKey } from '../../../shared/removal';
import { displayText, MOD_TEXT_CHARS } from '../common/display-text';
import { formatClock } from '../common/format';
import { Badges, MessageParts } from '../common/MessageParts';
import { safeNameColor } from '../common/safe';
import type { ActionNote } from '../store/action-notes-slice';
import { NoteView } from './ActionNotes';
import { GateCountdown } from './GateCountdown';
import { authorName, LineActions } from './LineActions';
import { readableNameColor } from '../common/readable-color';
import { removedLabel } from './removed-label';
import type { LineCommand } from './line-command';
import { ChatterMark, highlightLabel, highlightStyle } from './search/line-marks';
import type { HighlightHit } from './search/highlight-rules';

export type { LineCommand } from './line-command';

interface ModLineProps {
  message: ChatMessage;
  capabilities: readonly Capability[];
  presets: readonly number[];
  /** The roving tab stop of the chat list: exactly one line has tabIndex 0. */
  selected: boolean;
  menuOpen: boolean;
  /** The newest result of an action on this line, if any. */
  note: ActionNote | undefined;
  demo: boolean;
  /** The highlight rule this line matched (search/highlighter.ts), if any. */
  highlight?: HighlightHit | null;
  /** The ticking clock, for lines waiting in the moderation gate only (others keep their memo). */
  now?: number;
  onCommand(message: ChatMessage, command: LineCommand): void;
  onMenu(message: ChatMessage, opener: HTMLElement): void;
}

/** The quick timeout shown on every line: 10 minutes if it is a preset, else the middle preset. */
export function quickTimeout(presets: readonly number[]): number | undefined {
  return presets.includes(600) ? 600 : presets[Math.floor(presets.length / 2)];
}

/** What a screen reader says when the line gets focus: who, what, and whether it was removed. */
function lineLabel(message: ChatMessage, removed: string | null, highlight: HighlightHit | null): string {
  const text = message.text.length > 300 ? `${message.text.slice(0, 300)}…` : message.text;
  const marks = highlightLabel(message, highlight);
  return `${marks}${displayText(authorName(message))}: ${text}${removed ? ` (${removed})` : ''}`;
}

export const ModLine = memo(function ModLine({
  message,
  capabilities,
  presets,
  selected,
  menuOpen,
  note,
  demo,
  highlight = null,
  now,
  onCommand,
  onMenu,
}: ModLineProps) {
  const color = readableNameColor(safeNameColor(message.author.color, message.author.login));
  const removed = removedLabel(message);
  const classes = ['mod-line'];
  if (message.removed) classes.push('mod-line--removed');
  if (message.flags.firstMessage) classes.push('mod-line--first');
  if (message.flags.donation || message.flags.bits) classes.push('mod-line--paid');
  if (message.flags.highlighted) classes.push('mod-line--highlighted');
  // Demo lines get a hatched margin (see the DEMO label in the header), not an extra element per line.
  if (demo) classes.push('mod-line--demo');
  if (highlight) classes.push('mod-line--rule');
  return (
    <div
      className={classes.join(' ')}
      role="article"
      tabIndex={selected ? 0 : -1}
      aria-label={lineLabel(message, removed, highlight)}
      style={highlightStyle(highlight)}
      data-highlight={highlight?.kind}
      data-testid="mod-line"
      data-message-id={message.id}
      data-source-id={message.source.sourceId}
      data-key={messageKey(message)}
      data-removed={message.removed ? (message.removed.confirmed ? 'confirmed' : 'local') : undefined}
    >
      <LineActions
        message={message}
        capabilities={capabilities}
        quickTimeout={quickTimeout(presets)}
        menuOpen={menuOpen}
        onCommand={onCommand}
        onMenu={onMenu}
      />
      <span className="mod-line-body">
        <span className="mod-time">{formatClock(message.receivedAt)}</span>
        <ChatterMark flags={message.flags} />
        {message.flags.notice?.systemText ? (
          <span className="mod-notice-text">
            {displayText(message.flags.notice.systemText, MOD_TEXT_CHARS)}{' '}
          </span>
        ) : null}
        <Badges badges={message.author.badges} />
        {/* Name and text are bidi-isolated (dir=auto): an RLO in either cannot reorder the ": " between them. */}
        <button
          type="button"
          tabIndex={-1}
          className="mod-name"
          dir="auto"
          aria-label={`Open user card for ${authorName(message)}`}
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
          <MessageParts parts={message.parts} clickableLinks linkTabIndex={-1} maxChars={MOD_TEXT_CHARS} />
        </span>
        {removed ? <span className="mod-removed-note">({removed})</span> : null}
        {note ? <NoteView note={note} inLine /> : null}
        <GateCountdown message={message} now={now} onCommand={onCommand} />
      </span>
    </div>
  );
});
