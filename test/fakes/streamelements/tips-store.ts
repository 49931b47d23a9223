import { randomBytes } from 'node:crypto';

/** A stored StreamElements tip document, the shape `channel.tips` messages and `GET /tips/:channel` share. */
export interface TipDoc {
  donation: {
    user: { username: string; geo: string | null; email: string; channel?: string };
    message: string;
    amount: number;
    currency: string;
    paymentMethod?: string;
  };
  _id: string;
  channel: string;
  provider: string;
  approved: 'allowed' | 'pending' | 'rejected';
  status: 'success' | 'pending' | 'failed';
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  transactionId: string;
}

export interface NewTip {
  username: string;
  /** A JSON number, as StreamElements sends it. */
  amount: number;
  currency: string;
  message?: string;
  approved?: TipDoc['approved'];
  /** Defaults to now. */
  createdAt?: number;
}

/** A 24-hex-digit id like StreamElements' (MongoDB ObjectId). */
export const objectId = (): string => randomBytes(12).toString('hex');

export function makeTipDoc(channel: string, tip: NewTip, now: number): TipDoc {
  const at = new Date(tip.createdAt ?? now).toISOString();
  return {
    donation: {
      user: {
        username: tip.username,
        geo: 'ZZ',
        email: `${tip.username.toLowerCase()}@example.com`,
        channel,
      },
      message: tip.message ?? '',
      amount: tip.amount,
      currency: tip.currency,
      paymentMethod: 'scheme',
    },
    _id: objectId(),
    channel,
    provider: 'paypal',
    approved: tip.approved ?? 'allowed',
    status: 'success',
    deleted: false,
    createdAt: at,
    updatedAt: at,
    transactionId: randomBytes(8).toString('hex').toUpperCase(),
  };
}

export interface TipsQueryParams {
  after: number | null;
  before: number | null;
  limit: number;
  offset: number;
  sort: string;
}

/** Parses `limit`, `offset`, `sort`, `after`, `before` as the documented API does; null when invalid. */
export function parseTipsQuery(search: URLSearchParams): TipsQueryParams | null {
  const time = (name: string): number | null | undefined => {
    const raw = search.get(name);
    if (raw === null || raw === '') return null;
    const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const limit = Number(search.get('limit') ?? '25');
  const offset = Number(search.get('offset') ?? '0');
  const sort = search.get('sort') ?? '-createdAt';
  const after = time('after');
  const before = time('before');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return null;
  if (!Number.isInteger(offset) || offset < 0) return null;
  if (sort !== 'createdAt' && sort !== '-createdAt') return null;
  if (after === undefined || before === undefined) return null;
  return { after, before, limit, offset, sort };
}

/** One page of a channel's tips, filtered and sorted by `createdAt`. */
export function pageOfTips(
  tips: TipDoc[],
  query: TipsQueryParams,
): { docs: TipDoc[]; total: number; limit: number; offset: number } {
  const time = (doc: TipDoc) => Date.parse(doc.createdAt);
  const matching = tips
    .filter((doc) => !doc.deleted)
    .filter((doc) => query.after === null || time(doc) > query.after)
    .filter((doc) => query.before === null || time(doc) < query.before)
    .sort((a, b) => (query.sort === '-createdAt' ? time(b) - time(a) : time(a) - time(b)));
  return {
    docs: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    limit: query.limit,
    offset: query.offset,
  };
}
