import type { Alert } from '../../../shared/events';
import { displayText } from './display-text';
import { formatMoney } from './format';

function tierText(tier: string | undefined): string {
  if (!tier) return '';
  if (tier === 'Prime') return ' with Prime';
  const level = Number(tier) / 1000;
  return Number.isInteger(level) && level > 1 ? ` at Tier ${level}` : '';
}

/**
 * An alert's headline in pieces: even indices are OnAir's words, odd ones a name or title from chat (bounded,
 * marks clamped, bidi balanced — display-text.ts), so a view can isolate them (`<bdi>`): an RLO or an RTL name
 * then cannot reorder the rest of the sentence.
 */
export function alertHeadlineParts(alert: Alert): string[] {
  const name = displayText(alert.user?.displayName || 'Anonymous');
  const title = alert.title ? displayText(alert.title) : '';
  switch (alert.alertType) {
    case 'donation':
      return ['', name, alert.amount ? ` donated ${formatMoney(alert.amount)}` : ' donated'];
    case 'cheer':
      return ['', name, ` cheered ${alert.bits ?? 0} bits`];
    case 'sub':
      return ['', name, ` subscribed${tierText(alert.tier)}`];
    case 'resub':
      return [
        '',
        name,
        alert.months
          ? ` resubscribed for ${alert.months} months${tierText(alert.tier)}`
          : ` resubscribed${tierText(alert.tier)}`,
      ];
    case 'giftsub':
      if ((alert.count ?? 1) > 1) return ['', name, ` gifted ${alert.count} subs`];
      return title ? ['', name, ' gifted a sub to ', title] : ['', name, ' gifted a sub'];
    case 'raid':
      return ['Raid from ', name, ` with ${alert.count ?? 0} viewers`];
    case 'follow':
      return ['', name, ' followed'];
    case 'redemption':
      return title ? ['', name, ' redeemed ', title] : ['', name, ' redeemed a reward'];
    case 'announcement':
      return ['Announcement from ', name];
    default:
      // Not an AlertType (a broken event): still a headline.
      return ['Alert from ', name];
  }
}

/** The one-line headline of an alert, e.g. "Ada donated $5.00", "Raid from X with 120 viewers". */
export function alertHeadline(alert: Alert): string {
  return alertHeadlineParts(alert).join('');
}
