import { currencyCode, exactAmount } from '../amount';
import { tipMessage, tipName, type Tip } from '../tip';

/**
 * A StreamElements tip document — the `data` of a `channel.tips` message and each element of the tips REST
 * list share this shape: `{_id, donation: {user: {username}, message, amount, currency}, status, approved,
 * deleted?, createdAt}`.
 */
export type TipMapping =
  { kind: 'tip'; tip: Tip } | { kind: 'skip'; why: string } | { kind: 'drop'; why: string };

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Tips held for moderation, rejected, failed or deleted are not shown. */
function notShowable(doc: Fields): string | null {
  if (doc.deleted === true) return 'deleted';
  if (doc.status !== undefined && doc.status !== 'success') return `status ${String(doc.status)}`;
  if (doc.approved !== undefined && doc.approved !== 'allowed') return `moderation ${String(doc.approved)}`;
  return null;
}

function timeOf(raw: unknown): number | null {
  if (typeof raw !== 'string') return null;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? at : null;
}

export function mapStreamElementsTip(doc: unknown): TipMapping {
  if (!isObject(doc) || !isObject(doc.donation)) return { kind: 'drop', why: 'tip without a donation' };
  const id = typeof doc._id === 'string' && doc._id ? doc._id.slice(0, 128) : null;
  if (!id) return { kind: 'drop', why: 'tip without an _id' };
  const hidden = notShowable(doc);
  if (hidden) return { kind: 'skip', why: `tip ${id}: ${hidden}` };
  const { donation } = doc;
  const amount = exactAmount(donation.amount);
  const currency = currencyCode(donation.currency);
  if (!amount || !currency) return { kind: 'drop', why: `tip ${id} without a sane amount and currency` };
  const user = isObject(donation.user) ? donation.user : {};
  const tip: Tip = {
    id,
    name: tipName(user.username),
    amount,
    currency,
    message: tipMessage(donation.message),
    at: timeOf(doc.createdAt),
  };
  return { kind: 'tip', tip };
}
