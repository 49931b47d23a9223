import { lookupTable } from '../../../shared/lookup';

/**
 * Short labels of text badges (a badge without a safe image). Keyed by the service's badge set id, so a Map:
 * `badges=__proto__/1` once returned Object.prototype here, which React cannot render, and blanked the view.
 */
const BADGE_LABELS = lookupTable({
  broadcaster: 'LIVE',
  moderator: 'MOD',
  vip: 'VIP',
  subscriber: 'SUB',
  founder: 'FDR',
  staff: 'STAFF',
  partner: '✓',
  premium: 'PRIME',
  turbo: 'TURBO',
});

/** The label of a known set, else the set id's first five characters in capitals. */
export function badgeLabel(setId: string): string {
  return BADGE_LABELS.get(setId) ?? setId.slice(0, 5).toUpperCase();
}
