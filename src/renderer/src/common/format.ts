import type { Money } from '../../../shared/events';

/**
 * Money in the viewer's own locale (`locale` undefined = the browser's). The amount is a decimal string, which
 * `Intl.NumberFormat` formats exactly (no binary float on the way).
 */
export function formatMoney(money: Money, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      money.value as Intl.StringNumericLiteral,
    );
  } catch {
    // An unknown currency code (or a malformed amount) from a service: show it plainly.
    return `${money.value.slice(0, 24)} ${money.currency.slice(0, 8)}`;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60}m` : `${Math.round(seconds / 60)}m`;
  if (seconds < 86400) return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${(seconds / 3600).toFixed(1)}h`;
  if (seconds < 604800)
    return seconds % 86400 === 0 ? `${seconds / 86400}d` : `${(seconds / 86400).toFixed(1)}d`;
  return seconds % 604800 === 0 ? `${seconds / 604800}w` : `${(seconds / 86400).toFixed(1)}d`;
}

export function formatClock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "3s ago", "4m ago"; "—" for never. */
export function formatAge(since: number | null, now: number): string {
  if (since === null) return '—';
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return `${formatDuration(seconds)} ago`;
}
