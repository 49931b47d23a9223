import type { Badge, Role } from '../../../../shared/events';
import { svgDataUrl } from './emotes';

/** Offline badge images: small original symbols on coloured tiles, in the spirit of Twitch's badge sets. */
const TILE = (fill: string, inner: string): string =>
  `<rect x="1" y="1" width="30" height="30" rx="6" fill="${fill}"/>${inner}`;

const BADGE_IMAGES = {
  broadcaster: svgDataUrl(
    TILE(
      '#e91916',
      '<rect x="6" y="10" width="15" height="12" rx="2" fill="#fff"/><path d="M21 14l6-4v12l-6-4z" fill="#fff"/>',
    ),
  ),
  moderator: svgDataUrl(
    TILE(
      '#00ad03',
      '<path d="M8 24l12-12M18 8l6 6M6 22l4 4" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>',
    ),
  ),
  vip: svgDataUrl(TILE('#e005b9', '<path d="M16 26L5 13l4-5h14l4 5z" fill="#fff"/>')),
  subscriber: svgDataUrl(
    TILE(
      '#8205b4',
      '<path d="M16 5l3.3 7 7.7.9-5.7 5.2 1.6 7.6L16 21.9l-6.9 3.8 1.6-7.6L5 12.9l7.7-.9z" fill="#fff"/>',
    ),
  ),
  founder: svgDataUrl(
    TILE(
      '#f5a623',
      '<path d="M16 5l3.3 7 7.7.9-5.7 5.2 1.6 7.6L16 21.9l-6.9 3.8 1.6-7.6L5 12.9l7.7-.9z" fill="#8205b4"/>',
    ),
  ),
  bits: svgDataUrl(
    TILE('#2f2f35', '<path d="M16 4l9 14-9 10-9-10z" fill="#9c7cf7"/><path d="M16 4v24" stroke="#d8ccff"/>'),
  ),
} as const;

/** Subscriber badge versions step at these month counts (like most channels' custom sub badges). */
const SUB_BADGE_STEPS = [0, 3, 6, 9, 12, 24, 36, 48];

export function subscriberBadgeVersion(months: number): string {
  let version = 0;
  for (const step of SUB_BADGE_STEPS) if (months >= step) version = step;
  return String(version);
}

export interface BadgeTraits {
  roles: Role[];
  subMonths?: number;
  bits?: number;
}

/** Badges in Twitch's display order: channel role, then subscription (or founder), then bits. */
export function buildBadges(traits: BadgeTraits): Badge[] {
  const badges: Badge[] = [];
  const has = (role: Role): boolean => traits.roles.includes(role);
  if (has('broadcaster'))
    badges.push({
      setId: 'broadcaster',
      version: '1',
      title: 'Broadcaster',
      imageUrl: BADGE_IMAGES.broadcaster,
    });
  if (has('moderator'))
    badges.push({ setId: 'moderator', version: '1', title: 'Moderator', imageUrl: BADGE_IMAGES.moderator });
  if (has('vip')) badges.push({ setId: 'vip', version: '1', title: 'VIP', imageUrl: BADGE_IMAGES.vip });
  const months = traits.subMonths;
  if (has('founder') && months !== undefined) {
    badges.push({
      setId: 'founder',
      version: '0',
      info: String(months),
      title: 'Founder',
      imageUrl: BADGE_IMAGES.founder,
    });
  } else if (months !== undefined) {
    badges.push({
      setId: 'subscriber',
      version: subscriberBadgeVersion(months),
      info: String(months),
      title:
        months >= 12
          ? `${Math.floor(months / 12)}-Year Subscriber`
          : `${Math.max(1, months)}-Month Subscriber`,
      imageUrl: BADGE_IMAGES.subscriber,
    });
  }
  if (traits.bits)
    badges.push({
      setId: 'bits',
      version: String(traits.bits),
      title: `cheer ${traits.bits}`,
      imageUrl: BADGE_IMAGES.bits,
    });
  return badges;
}
