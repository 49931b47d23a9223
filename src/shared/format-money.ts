import type { Money } from './events';

/**
 * Money in a locale (`locale` undefined = the runtime's own). The amount is a decimal string, which
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
