import { currencyCode, exactAmount } from '../amount';
import { plainText, tipMessage, tipName, type Tip } from '../tip';

/**
 * Streamlabs Socket API `event` payloads (docs/protocol-tips.md): `{type, message, for?, event_id?}` where
 * `message` is usually an array of items, sometimes one object. Donations have no `for` (or `streamlabs`).
 */
export type StreamlabsItem =
  | { kind: 'tip'; tip: Tip; test: boolean }
  | { kind: 'notice'; code: string; text: string; test: boolean }
  | { kind: 'drop'; why: string };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function items(message: unknown): Fields[] | null {
  if (Array.isArray(message)) return message.filter(isObject);
  return isObject(message) ? [message] : null;
}

function idOf(item: Fields): string | null {
  // `id` is the donation's id (what `donationDelete` names); `_id` identifies the alert. Prefer the donation.
  for (const key of ['id', '_id'] as const) {
    const value = item[key];
    if ((typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value))
      return String(value).slice(0, 128);
  }
  return null;
}

function donation(item: Fields): StreamlabsItem {
  const id = idOf(item);
  const amount = exactAmount(item.amount);
  const currency = currencyCode(item.currency);
  if (!id) return { kind: 'drop', why: 'donation without an id' };
  if (!amount || !currency) return { kind: 'drop', why: `donation ${id} without a sane amount and currency` };
  const formatted = plainText(item.formatted_amount ?? item.formattedAmount, 32);
  const tip: Tip = {
    id,
    name: tipName(item.name ?? item.from),
    amount,
    currency,
    message: tipMessage(item.message),
    at: null,
    ...(formatted ? { formatted } : {}),
  };
  return { kind: 'tip', tip, test: item.isTest === true };
}

function merch(item: Fields): StreamlabsItem {
  const who = tipName(item.name ?? item.from);
  const product = plainText(item.product, 120) || 'merch';
  const note = tipMessage(item.message);
  const text = `${who} bought ${product} (Streamlabs merch)${note ? `\n${note}` : ''}`;
  return { kind: 'notice', code: 'streamlabs_merch', text, test: item.isTest === true };
}

function redemption(item: Fields): StreamlabsItem {
  const who = tipName(item.from ?? item.name);
  const product = plainText(item.product, 120) || 'a loyalty store item';
  const note = tipMessage(item.message);
  const text = `${who} redeemed ${product} (Streamlabs loyalty store)${note ? `\n${note}` : ''}`;
  return { kind: 'notice', code: 'streamlabs_redemption', text, test: item.isTest === true };
}

const FROM_STREAMLABS = new Set([undefined, null, '', 'streamlabs']);

/** Maps one `event` payload; types OnAir does not show (follows, bits … via Twitch itself) map to nothing. */
export function mapStreamlabsEvent(payload: unknown): StreamlabsItem[] {
  if (!isObject(payload) || typeof payload.type !== 'string')
    return [{ kind: 'drop', why: 'event without a type' }];
  if (!FROM_STREAMLABS.has(payload.for as string | undefined)) return [];
  const map =
    payload.type === 'donation'
      ? donation
      : payload.type === 'merch'
        ? merch
        : payload.type === 'loyalty_store_redemption'
          ? redemption
          : null;
  if (!map) return [];
  const list = items(payload.message);
  if (!list) return [{ kind: 'drop', why: `${payload.type} without a message` }];
  return list.map(map);
}
