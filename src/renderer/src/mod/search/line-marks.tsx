import type { CSSProperties } from 'react';
import type { ChatFlags, ChatMessage } from '../../../../shared/events';
import type { HighlightHit } from './highlight-rules';
import { highlightBackground } from './highlight-colors';

const KIND_LABEL = { mention: 'mentions you', keyword: 'keyword', user: 'watched user' } as const;

/** What a screen reader hears before the line: first-time or returning chatter, and the highlight. */
export function highlightLabel(message: ChatMessage, highlight: HighlightHit | null): string {
  const marks: string[] = [];
  if (message.flags.firstMessage) marks.push('First message');
  else if (message.flags.returningChatter) marks.push('Returning chatter');
  if (highlight) marks.push(`Highlighted: ${KIND_LABEL[highlight.kind]}`);
  return marks.length > 0 ? `${marks.join(', ')}. ` : '';
}

/** A highlighted line's background (contrast-checked, highlight-colors.ts) and left bar in the rule's colour. */
export function highlightStyle(highlight: HighlightHit | null): CSSProperties | undefined {
  if (!highlight) return undefined;
  return { background: highlightBackground(highlight.color), borderLeftColor: highlight.color };
}

/** First-time and returning chatters get a visible word, not just a tint (also said in the line's label). */
export function ChatterMark({ flags }: { flags: ChatFlags }) {
  if (flags.firstMessage)
    return (
      <span
        className="chatter-mark chatter-mark--first"
        data-testid="first-chatter"
        title="First message in this channel"
      >
        <span aria-hidden="true">✦</span> First
      </span>
    );
  if (flags.returningChatter)
    return (
      <span
        className="chatter-mark chatter-mark--returning"
        title="Returning chatter (chatted in earlier streams)"
      >
        <span aria-hidden="true">↻</span> Returning
      </span>
    );
  return null;
}
