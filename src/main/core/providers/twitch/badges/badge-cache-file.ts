import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../../../storage/atomic-write';
import { parseJsonOrNull } from '../../../net/parse-json';
import { parseBadgeSets, serializeBadgeSets, type BadgeSetTable } from './badge-sets';

/** One fetched badge list and when it was fetched (ms, on the core's clock). */
export interface BadgeListEntry {
  table: BadgeSetTable;
  fetchedAt: number;
}

export interface BadgeCacheContents {
  global: BadgeListEntry | null;
  /** broadcaster id → that channel's badges. */
  channels: Map<string, BadgeListEntry>;
}

export interface LoadedBadgeCache extends BadgeCacheContents {
  /** Sets, versions or channels left out of the file because they failed the checks. */
  dropped: number;
  /** Why the file could not be used at all (unreadable, not JSON, wrong shape); absent when fine or missing. */
  problem?: string;
}

const FORMAT = 1;
const empty = (): BadgeCacheContents => ({ global: null, channels: new Map() });

function entryOf(raw: unknown): { entry: BadgeListEntry; dropped: number } | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const parsed = parseBadgeSets(r.sets);
  if (!parsed || typeof r.fetchedAt !== 'number' || !Number.isFinite(r.fetchedAt)) return null;
  return { entry: { table: parsed.table, fetchedAt: r.fetchedAt }, dropped: parsed.dropped };
}

/** The cache as written by `saveBadgeCache`; a missing file is an empty cache, a damaged one says why. */
export async function loadBadgeCache(path: string): Promise<LoadedBadgeCache> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ...empty(), dropped: 0, ...(missing ? {} : { problem: 'the file cannot be read' }) };
  }
  const body = parseJsonOrNull(text);
  if (!body || typeof body !== 'object' || (body as Record<string, unknown>).format !== FORMAT) {
    return { ...empty(), dropped: 0, problem: 'the file is damaged or from another version' };
  }
  const file = body as Record<string, unknown>;
  const out: LoadedBadgeCache = { ...empty(), dropped: 0 };
  if (file.global !== null && file.global !== undefined) {
    const global = entryOf(file.global);
    if (global) {
      out.global = global.entry;
      out.dropped += global.dropped;
    } else out.dropped += 1;
  }
  for (const raw of Array.isArray(file.channels) ? file.channels : []) {
    const id = (raw as Record<string, unknown> | null)?.broadcasterId;
    const channel = typeof id === 'string' && /^\d{1,20}$/.test(id) ? entryOf(raw) : null;
    if (!channel) {
      out.dropped += 1;
      continue;
    }
    out.channels.set(id as string, channel.entry);
    out.dropped += channel.dropped;
  }
  return out;
}

/** Writes the whole cache atomically (readers see the old file or the new one, never half of one). */
export async function saveBadgeCache(path: string, contents: BadgeCacheContents): Promise<void> {
  const entry = (e: BadgeListEntry) => ({ fetchedAt: e.fetchedAt, sets: serializeBadgeSets(e.table) });
  const file = {
    format: FORMAT,
    global: contents.global ? entry(contents.global) : null,
    channels: [...contents.channels].map(([broadcasterId, e]) => ({ broadcasterId, ...entry(e) })),
  };
  await writeFileAtomic(path, JSON.stringify(file), 0o644);
}
