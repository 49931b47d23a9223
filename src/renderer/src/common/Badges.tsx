import { memo, useState } from 'react';
import type { Badge } from '../../../shared/events';
import { badgeSrcSet } from './badge-images';
import { badgeLabel } from './badge-label';
import { safeImageUrl } from './safe';

function BadgePill({ badge }: { badge: Badge }) {
  return (
    <span className="onair-badge onair-badge--text" data-badge={badge.setId} title={badge.title}>
      {badgeLabel(badge)}
    </span>
  );
}

/** The image in a fixed 18 px box; if it cannot load (CDN down, offline), the readable pill instead. */
function BadgeImage({ badge, src }: { badge: Badge; src: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <BadgePill badge={badge} />;
  return (
    <img
      className="onair-badge onair-badge--image"
      data-badge={badge.setId}
      src={src}
      srcSet={badgeSrcSet(badge)}
      width={18}
      height={18}
      alt={badge.title}
      title={badge.title}
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/** Badges as images when the URL is safe, else as labelled pills ("Moderator", "Subscriber 24 mo"). */
export const Badges = memo(function Badges({ badges }: { badges: Badge[] }) {
  if (badges.length === 0) return null;
  return (
    <span className="onair-badges">
      {badges.map((badge, index) => {
        const src = safeImageUrl(badge.imageUrl);
        // The index too: a line may repeat a badge (`badges=vip/1,vip/1`), and keys must stay unique.
        const key = `${index}:${badge.setId}/${badge.version}`;
        return src ? <BadgeImage key={key} badge={badge} src={src} /> : <BadgePill key={key} badge={badge} />;
      })}
    </span>
  );
});
