import { memo } from 'react';
import type { Badge, MessagePart } from '../../../shared/events';
import { safeImageUrl, safeLinkUrl } from './safe';

interface PartsProps {
  parts: MessagePart[];
  /** Links become real anchors (new window, denied inside Electron) only where someone can click them. */
  clickableLinks: boolean;
  /** -1 inside a roving-focus list (the mod chat), so links are not extra tab stops. */
  linkTabIndex?: number;
}

/** A message's parts as React text nodes and checked images/links. Never HTML. */
export const MessageParts = memo(function MessageParts({ parts, clickableLinks, linkTabIndex }: PartsProps) {
  return (
    <>
      {parts.map((part, index) => {
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

/** Badges as images when the URL is safe, else as small text pills. */
export const Badges = memo(function Badges({ badges }: { badges: Badge[] }) {
  if (badges.length === 0) return null;
  return (
    <span className="onair-badges">
      {badges.map((badge) => {
        const src = safeImageUrl(badge.imageUrl);
        const key = `${badge.setId}/${badge.version}`;
        return src ? (
          <img key={key} className="onair-badge" src={src} alt={badge.title} title={badge.title} />
        ) : (
          <span
            key={key}
            className={`onair-badge onair-badge--text`}
            data-badge={badge.setId}
            title={badge.title}
          >
            {badgeLabel(badge.setId)}
          </span>
        );
      })}
    </span>
  );
});

const BADGE_LABELS: Record<string, string> = {
  broadcaster: 'LIVE',
  moderator: 'MOD',
  vip: 'VIP',
  subscriber: 'SUB',
  founder: 'FDR',
  staff: 'STAFF',
  partner: '✓',
  premium: 'PRIME',
  turbo: 'TURBO',
};

function badgeLabel(setId: string): string {
  return BADGE_LABELS[setId] ?? setId.slice(0, 5).toUpperCase();
}
