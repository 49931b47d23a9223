import { memo, useMemo, type CSSProperties } from 'react';
import type { EmotePart, MessagePart } from '../../../shared/events';
import { displayParts, MOD_TEXT_CHARS } from './display-text';
import { emoteAspect, emoteSrcSet, stackEmotes } from './emote-images';
import { safeImageUrl, safeLinkUrl } from './safe';

/** The badges live in Badges.tsx; re-exported so the views keep importing both from here. */
export { Badges } from './Badges';

/**
 * Widest an emote is drawn in the console and alert cards, in CSS px per unit of aspect (the console draws them
 * 1.75em high): `sizes` for `srcset`, so the browser picks the file for that width × device pixel ratio.
 */
const EMOTE_SIZES_PX = 32;

/**
 * One emote image: every size in `srcset`, its box reserved from the service's aspect ratio, or its name as
 * text when the URL is not a safe image URL. Eager, never `loading="lazy"`: Chromium kept every lazy image that
 * was removed before it loaded — and with it its detached line and React's fibers — (bench:memory: 23,909 such
 * images and +24 MB in the console after 300,000 lines with Twitch emotes).
 */
function EmoteImage({ part, overlay = false }: { part: EmotePart; overlay?: boolean }) {
  const src = safeImageUrl(part.url);
  if (!src) return <>{part.text}</>;
  const aspect = emoteAspect(part);
  const srcSet = emoteSrcSet(part);
  const style =
    aspect === undefined ? undefined : ({ '--onair-emote-aspect': String(aspect) } as CSSProperties);
  return (
    <img
      className={overlay ? 'onair-emote onair-emote--zero-width' : 'onair-emote'}
      sizes={srcSet ? `${Math.ceil(EMOTE_SIZES_PX * (aspect ?? 1))}px` : undefined}
      srcSet={srcSet}
      src={src}
      style={style}
      alt={part.text}
      title={part.text}
      data-provider={part.provider ?? 'twitch'}
      data-animated={part.animated ? '' : undefined}
    />
  );
}

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
  const shown = useMemo(() => stackEmotes(displayParts(parts, maxChars)), [parts, maxChars]);
  return (
    <>
      {shown.map((part, index) => {
        switch (part.type) {
          case 'emote':
            return <EmoteImage key={index} part={part} />;
          case 'stack':
            // Zero-width emotes drawn over their base; the wrapper takes the base emote's box.
            return (
              <span key={index} className="onair-emote-stack">
                <EmoteImage part={part.base} />
                {part.overlays.map((overlay, layer) => (
                  <EmoteImage key={layer} part={overlay} overlay />
                ))}
              </span>
            );
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
