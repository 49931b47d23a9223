import { memo, useMemo } from 'react';
import type { MessagePart } from '../../../shared/events';
import { displayParts, MOD_TEXT_CHARS } from './display-text';
import { safeImageUrl, safeLinkUrl } from './safe';

/** The badges live in Badges.tsx; re-exported so the views keep importing both from here. */
export { Badges } from './Badges';

interface PartsProps {
  parts: MessagePart[];
  /** Links become real anchors (new window, denied inside Electron) only where someone can click them. */
  clickableLinks: boolean;
  /** Longer messages are cut here with an ellipsis (display-text.ts); the mod console's bound by default. */
  maxChars?: number;
  /** -1 inside a roving-focus list (the mod chat), so links are not extra tab stops. */
  linkTabIndex?: number;
}

/**
 * A message's parts as React text nodes and checked images/links. Never HTML. Combining-mark runs are
 * clamped, bidi controls balanced and the length capped first, so the text stays inside its row.
 */
export const MessageParts = memo(function MessageParts({
  parts,
  clickableLinks,
  maxChars = MOD_TEXT_CHARS,
  linkTabIndex,
}: PartsProps) {
  const shown = useMemo(() => displayParts(parts, maxChars), [parts, maxChars]);
  return (
    <>
      {shown.map((part, index) => {
        switch (part.type) {
          case 'emote': {
            const src = safeImageUrl(part.url);
            return src ? (
              <img key={index} className="onair-emote" src={src} alt={part.text} title={part.text} />
            ) : (
              part.text
            );
          }
          case 'link': {
            const href = safeLinkUrl(part.url);
            return clickableLinks && href ? (
              <a
                key={index}
                className="onair-link"
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                tabIndex={linkTabIndex}
              >
                {part.text}
              </a>
            ) : (
              <span key={index} className="onair-link">
                {part.text}
              </span>
            );
          }
          case 'mention':
            return (
              <span key={index} className="onair-mention">
                {part.text}
              </span>
            );
          case 'cheer':
            return (
              <span key={index} className="onair-cheer">
                {part.text}
              </span>
            );
          default:
            return part.text;
        }
      })}
    </>
  );
});
