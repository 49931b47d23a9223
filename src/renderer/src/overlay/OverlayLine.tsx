import { memo, useState } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { Badges, MessageParts } from '../common/MessageParts';
import { displayText, OVERLAY_TEXT_CHARS } from '../common/display-text';
import { safeNameColor } from '../common/safe';

interface LineProps {
  message: ChatMessage;
  /** When the line expires (ms since epoch), or null when lines never fade. */
  expiresAt: number | null;
}

/** Fade-out takes the last second of a line's life; a finite animation, so an idle overlay paints nothing. */
const FADE_MS = 1000;

export const OverlayLine = memo(function OverlayLine({ message, expiresAt }: LineProps) {
  // Fixed at mount: the animation's delay must not move when the overlay re-renders.
  const [fadeInMs] = useState(() => (expiresAt === null ? null : expiresAt - Date.now()));
  const color = safeNameColor(message.author.color, message.author.login);
  const action = message.flags.action;
  const classes = ['onair-line'];
  if (action) classes.push('onair-line--action');
  if (message.flags.firstMessage) classes.push('onair-line--first');
  if (message.flags.highlighted) classes.push('onair-line--highlighted');
  if (message.flags.donation || message.flags.bits) classes.push('onair-line--paid');
  // Issue 13.5–6: demo lines are marked; a notice's words come with the service's description above them.
  const demo = message.source.provider === 'demo';
  const notice = message.flags.notice;
  if (notice) classes.push('onair-line--notice');
  const style =
    fadeInMs === null
      ? undefined
      : {
          animationName: 'onair-fade-out',
          animationDuration: `${FADE_MS}ms`,
          animationDelay: `${Math.max(0, fadeInMs - FADE_MS)}ms`,
          animationFillMode: 'forwards',
          animationTimingFunction: 'linear',
        };
  return (
    <div
      className={classes.join(' ')}
      data-testid="chat-line"
      data-message-id={message.id}
      data-source-id={message.source.sourceId}
      data-demo={demo ? 'true' : undefined}
      style={style}
    >
      {notice?.systemText ? (
        <div className="onair-notice-text" dir="auto" data-testid="notice-text">
          {displayText(notice.systemText, OVERLAY_TEXT_CHARS)}
        </div>
      ) : null}
      {demo ? (
        <span className="onair-demo-mark" title="Demo chat: not a real viewer">
          demo
        </span>
      ) : null}
      <Badges badges={message.author.badges} />
      {/* Name and text are bidi-isolated (dir=auto): an RLO in either cannot reorder the ": " between them. */}
      <span className="onair-name" dir="auto" style={{ color }}>
        {displayText(message.author.displayName || message.author.login)}
      </span>
      {action ? ' ' : ': '}
      <span className="onair-text" dir="auto" style={action ? { color } : undefined}>
        <MessageParts parts={message.parts} clickableLinks={false} maxChars={OVERLAY_TEXT_CHARS} />
      </span>
    </div>
  );
});
