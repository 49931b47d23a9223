/**
 * Exact tip amounts. Platforms send an amount as a decimal string (Streamlabs `"13.37"`) or as a JSON number
 * (StreamElements `4.2`). OnAir keeps it as a decimal string, never doing arithmetic on a binary float.
 */

const DECIMAL = /^\d{1,12}(\.\d{1,8})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The amount as an exact decimal string, or null when it is missing, not positive, or not a sane number.
 * A JSON number was parsed to the nearest double; `String()` gives its shortest round-trip form, which is the
 * decimal the platform wrote (up to 15 significant digits), so `4.2` stays `"4.2"`.
 */
export function exactAmount(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else return null;
  if (!DECIMAL.test(text) || !/[1-9]/.test(text)) return null;
  return text;
}

/** An ISO 4217 code (`usd` → `USD`), or null when it is not three letters. */
export function currencyCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = raw.trim().toUpperCase();
  return CURRENCY.test(code) ? code : null;
}
