import type { ChatMessage } from '../../../shared/events';
import type { LineCommand } from './line-command';
import { authorName } from './LineActions';

interface GateProps {
  message: ChatMessage;
  /** The console's ticking clock (use-now.ts), given only to lines with a moderation gate. */
  now: number | undefined;
  onCommand(message: ChatMessage, command: LineCommand): void;
}

/**
 * A line waiting in the moderation gate (docs/mod-console.md "Moderation gate"): when it airs, and a one-click
 * "Keep off stream". It sits at the end of the line, so nothing moves when it goes; the count has a fixed width.
 */
export function GateCountdown({ message, now, onCommand }: GateProps) {
  if (message.gatedUntil === undefined || now === undefined || message.removed) return null;
  const seconds = Math.ceil((message.gatedUntil - now) / 1000);
  if (seconds <= 0) return null;
  return (
    <span className="mod-gate" data-testid="gate">
      <span className="mod-gate-count" title="This line reaches the overlay when the count ends">
        airs in {seconds} s
      </span>
      <button
        type="button"
        tabIndex={-1}
        className="mod-gate-keep"
        data-action="keep-off-stream"
        aria-label={`Keep ${authorName(message)}'s line off stream (k)`}
        onClick={() => onCommand(message, { type: 'keepOffStream' })}
      >
        Keep off stream
      </button>
    </span>
  );
}

/** Whether any of these lines still waits in a gate (the console's clock ticks only then). */
export function anyGated(messages: readonly ChatMessage[], now: number): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const line = messages[i] as ChatMessage;
    if (line.gatedUntil !== undefined && line.gatedUntil > now && !line.removed) return true;
  }
  return false;
}
