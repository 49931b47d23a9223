import type { Badge } from '../../../shared/events';
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
