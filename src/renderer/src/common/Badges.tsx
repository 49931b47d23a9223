import { memo, useState } from 'react';
import type { Badge } from '../../../shared/events';
import { badgeLabel } from './badge-label';
import { safeImageUrl } from './safe';

/** A URL that can stand in a srcset list (a comma or a space would split the list: data: URLs have commas). */
function srcSetUrl(url: string | undefined): string | null {
  const safe = safeImageUrl(url);
  return safe && !/[\s,]/.test(safe) ? safe : null;
}

/** `srcset` of a badge's 1x/2x/4x images (18/36/72 px); undefined when there is no usable dense image. */
export function badgeSrcSet(badge: Badge): string | undefined {
  const x1 = srcSetUrl(badge.imageUrl);
  const dense = [
    [srcSetUrl(badge.imageUrl2x), '2x'],
    [srcSetUrl(badge.imageUrl4x), '4x'],
  ].filter((entry): entry is [string, string] => entry[0] !== null);
  if (!x1 || dense.length === 0) return undefined;
  return [`${x1} 1x`, ...dense.map(([url, density]) => `${url} ${density}`)].join(', ');
}

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
