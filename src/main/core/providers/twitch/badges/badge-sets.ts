/**
 * Helix `chat/badges` and `chat/badges/global` bodies (docs/protocol-twitch.md §3.4):
 * `{ data: [{ set_id, versions: [{ id, image_url_1x, image_url_2x, image_url_4x, title, … }] }] }`.
 * Set ids and version ids are service data, so the table is Maps all the way down (`__proto__` is just a key).
 */

/** The images and name of one badge version. */
export interface BadgeImage {
  /** 18 px. */
  url1x: string;
  /** 36 px. */
  url2x?: string;
  /** 72 px. */
  url4x?: string;
  title: string;
}

/** set id → version id → image. */
export type BadgeSetTable = Map<string, Map<string, BadgeImage>>;

export interface ParsedBadgeSets {
  table: BadgeSetTable;
  /** Sets and versions left out because a field was missing or unsafe. */
  dropped: number;
}

const MAX_ID_LENGTH = 100;
const MAX_TITLE_LENGTH = 200;
const MAX_URL_LENGTH = 500;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** Only https URLs: the pages' CSP allows https image hosts, and nothing else should reach an <img>. */
function httpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function parseVersion(raw: unknown): { id: string; image: BadgeImage } | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  const url1x = httpsUrl(v.image_url_1x);
  if (!isId(v.id) || !url1x) return null;
  const title =
    typeof v.title === 'string' && v.title.trim() ? v.title.trim().slice(0, MAX_TITLE_LENGTH) : '';
  const image: BadgeImage = { url1x, title };
  const url2x = httpsUrl(v.image_url_2x);
  const url4x = httpsUrl(v.image_url_4x);
  if (url2x) image.url2x = url2x;
  if (url4x) image.url4x = url4x;
  return { id: v.id, image };
}

function parseSet(raw: unknown, table: BadgeSetTable): number {
  if (!raw || typeof raw !== 'object') return 1;
  const set = raw as Record<string, unknown>;
  if (!isId(set.set_id) || !Array.isArray(set.versions)) return 1;
  const versions = table.get(set.set_id) ?? new Map<string, BadgeImage>();
  let dropped = 0;
  for (const rawVersion of set.versions) {
    const parsed = parseVersion(rawVersion);
    if (parsed) versions.set(parsed.id, parsed.image);
    else dropped += 1;
  }
  if (versions.size > 0) table.set(set.set_id, versions);
  return dropped;
}

/** The table of a Helix badge body; null when the body is not that shape at all (no `data` array). */
export function parseBadgeSets(body: unknown): ParsedBadgeSets | null {
  if (!body || typeof body !== 'object') return null;
  const data = (body as Record<string, unknown>).data;
  if (!Array.isArray(data)) return null;
  const table: BadgeSetTable = new Map();
  let dropped = 0;
  for (const raw of data) dropped += parseSet(raw, table);
  return { table, dropped };
}

/** The table back in Helix's shape (what the disk cache stores, so loading it runs the same checks). */
export function serializeBadgeSets(table: BadgeSetTable): { data: unknown[] } {
  const data = [...table].map(([setId, versions]) => ({
    set_id: setId,
    versions: [...versions].map(([id, image]) => ({
      id,
      image_url_1x: image.url1x,
      image_url_2x: image.url2x,
      image_url_4x: image.url4x,
      title: image.title,
    })),
  }));
  return { data };
}
