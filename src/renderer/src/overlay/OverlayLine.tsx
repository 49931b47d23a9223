import { memo, useMemo, useState } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { Badges, MessageParts } from '../common/MessageParts';
import { displayText } from '../common/display-text';
import { applyLinkMode, lineNameColor, type LineLook } from './line-look';

interface LineProps {
  message: ChatMessage;
  /** When the line expires (ms since epoch), or null when lines never fade. */
  expiresAt: number | null;
  /** Theme backing, link mode and length cap, shared by every line (line-look.ts). */
  look: LineLook;
}

/** Fade-out takes the last second of a line's life; a finite animation, so an idle overlay paints nothing. */
const FADE_MS = 1000;

export const OverlayLine = memo(function OverlayLine({ message, expiresAt, look }: LineProps) {
  // Fixed at mount: the animation's delay must not move when the overlay re-renders.
  const [fadeInMs] = useState(() => (expiresAt === null ? null : expiresAt - Date.now()));
  const color = lineNameColor(message.author.color, message.author.login, look);
  const parts = useMemo(() => applyLinkMode(message.parts, look.links), [message.parts, look.links]);
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
          {displayText(notice.systemText, look.maxChars)}
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
        <MessageParts parts={parts} clickableLinks={false} maxChars={look.maxChars} />
      </span>
    </div>
  );
});
