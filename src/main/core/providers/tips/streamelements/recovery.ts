import { parseJsonOrNull } from '../../../net/parse-json';

export interface TipsQuery {
  apiUrl: string;
  token: string;
  /** StreamElements channel id (the room the gateway confirmed). */
  channelId: string;
  /** Only tips created after this time (ms since epoch). */
  since: number;
  fetch: typeof fetch;
  timeoutMs?: number;
}

export type TipsPage =
  { ok: true; docs: unknown[]; total: number } | { ok: false; unauthorized: boolean; message: string };

/** How many tips one recovery asks for; the API allows 1–100 per page. */
export const RECOVERY_LIMIT = 100;

/**
 * `GET {apiUrl}/tips/{channel}?after=…&sort=-createdAt&limit=100` with the JWT as bearer token: the tips the
 * channel received since `since`, newest first (docs/protocol-tips.md).
 */
export async function fetchTipsSince(query: TipsQuery): Promise<TipsPage> {
  const params = new URLSearchParams({
    limit: String(RECOVERY_LIMIT),
    offset: '0',
    sort: '-createdAt',
    after: String(Math.max(0, Math.floor(query.since))),
  });
  const url = `${query.apiUrl.replace(/\/+$/, '')}/tips/${encodeURIComponent(query.channelId)}?${params}`;
  let response: Response;
  try {
    response = await query.fetch(url, {
      headers: { Authorization: `Bearer ${query.token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(query.timeoutMs ?? 10_000),
    });
  } catch (error) {
    return {
      ok: false,
      unauthorized: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (!response.ok) {
    const unauthorized = response.status === 401 || response.status === 403;
    return { ok: false, unauthorized, message: `HTTP ${response.status}` };
  }
  const body = parseJsonOrNull(await response.text()) as { docs?: unknown; total?: unknown } | null;
  if (!body || !Array.isArray(body.docs))
    return { ok: false, unauthorized: false, message: 'unexpected body' };
  const total = typeof body.total === 'number' ? body.total : body.docs.length;
  return { ok: true, docs: body.docs, total };
}
