import type { Alert } from '../events';
import type { AlertStyleSettings, AlertTypeStyle, AlertVariation } from './settings';
import { alertAmount } from './template';

type Condition = AlertVariation['when'];

/** True when every condition given holds for the alert (an empty condition always holds). */
export function matchesCondition(alert: Alert, when: Condition): boolean {
  if (when.minAmount !== undefined) {
    const amount = alertAmount(alert);
    if (amount === null || amount < when.minAmount) return false;
  }
  if (when.tier !== undefined && alert.tier !== when.tier) return false;
  if (when.minMonths !== undefined && (alert.months ?? 0) < when.minMonths) return false;
  return true;
}

export interface ChosenStyle {
  variationId: string | null;
  style: AlertStyleSettings;
}

/** The first matching variation's fields over the base style's; the base alone when none matches. */
export function chooseStyle(alert: Alert, typeStyle: AlertTypeStyle | undefined): ChosenStyle {
  const base = typeStyle?.base ?? {};
  const variation = typeStyle?.variations.find((item) => matchesCondition(alert, item.when));
  if (!variation) return { variationId: null, style: { ...base } };
  const { id, name: _name, when: _when, ...overrides } = variation;
  return { variationId: id, style: { ...base, ...definedOnly(overrides) } };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
