import type { Alert } from '../../../shared/events';
import { formatMoney } from './format';

function tierText(tier: string | undefined): string {
  if (!tier) return '';
  if (tier === 'Prime') return ' with Prime';
  const level = Number(tier) / 1000;
  return Number.isInteger(level) && level > 1 ? ` at Tier ${level}` : '';
}

/** The one-line headline of an alert, e.g. "Ada donated $5.00", "Raid from X with 120 viewers". */
export function alertHeadline(alert: Alert): string {
  const name = alert.user.displayName || 'Anonymous';
  switch (alert.alertType) {
    case 'donation':
      return alert.amount ? `${name} donated ${formatMoney(alert.amount)}` : `${name} donated`;
    case 'cheer':
      return `${name} cheered ${alert.bits ?? 0} bits`;
    case 'sub':
      return `${name} subscribed${tierText(alert.tier)}`;
    case 'resub':
      return alert.months
        ? `${name} resubscribed for ${alert.months} months${tierText(alert.tier)}`
        : `${name} resubscribed${tierText(alert.tier)}`;
    case 'giftsub':
      if ((alert.count ?? 1) > 1) return `${name} gifted ${alert.count} subs`;
      return alert.title ? `${name} gifted a sub to ${alert.title}` : `${name} gifted a sub`;
    case 'raid':
      return `Raid from ${name} with ${alert.count ?? 0} viewers`;
    case 'follow':
      return `${name} followed`;
    case 'redemption':
      return alert.title ? `${name} redeemed ${alert.title}` : `${name} redeemed a reward`;
    case 'announcement':
      return `Announcement from ${name}`;
  }
}
