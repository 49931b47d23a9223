import { toCsv } from '../../../shared/csv';
import type { ModLogEntry } from '../../../shared/events';
import { describeModAction, modActionLine } from '../../../shared/mod-action-text';
import type { ModLogFilter, ModLogPage } from '../../../shared/user-card-types';

const PAGE = 50;

/** Logins, display names and ids an entry concerns (lower case), for the user filter and the card. */
export function entryUsers(entry: ModLogEntry): string[] {
  const s = entry.subject;
  const names = [
    s?.login,
    s?.displayName,
    s?.userId,
    entry.target.startsWith('message ') ? undefined : entry.target,
  ];
  return names.filter((n): n is string => !!n).map((n) => n.toLowerCase());
}

const words = (text: string | undefined): string[] =>
  (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 16);

/** The filters in one predicate; text = every word somewhere in the human line, the reason or the error. */
export function matchesFilter(filter: ModLogFilter): (entry: ModLogEntry) => boolean {
  const user = filter.user?.trim().toLowerCase().replace(/^@/, '');
  const moderator = filter.moderator?.trim().toLowerCase();
  const text = words(filter.text);
  return (entry) => {
    if (filter.sourceId && entry.sourceId !== filter.sourceId) return false;
    if (filter.action && entry.action !== filter.action) return false;
    if (filter.from !== undefined && entry.at < filter.from) return false;
    if (filter.to !== undefined && entry.at > filter.to) return false;
    if (moderator && !entry.actor.toLowerCase().includes(moderator)) return false;
    if (user && !entryUsers(entry).some((name) => name.includes(user))) return false;
    if (text.length === 0) return true;
    const haystack = `${modActionLine(entry)} ${entry.detail ?? ''} ${entry.error ?? ''}`.toLowerCase();
    return text.every((word) => haystack.includes(word));
  };
}

/** Newest first, paged by position (the cursor is the offset into the filtered list). */
export function queryModLog(
  entries: readonly ModLogEntry[],
  filter: ModLogFilter & { cursor?: string; limit?: number },
): ModLogPage {
  const keep = matchesFilter(filter);
  const found: ModLogEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) if (keep(entries[i]!)) found.push(entries[i]!);
  const offset = Number(filter.cursor ?? 0);
  const limit = filter.limit ?? PAGE;
  const end = offset + limit;
  return {
    entries: found.slice(offset, end),
    total: found.length,
    nextCursor: end < found.length ? String(end) : null,
    actions: [...new Set(entries.map((e) => e.action))].sort(),
    moderators: [...new Set(entries.map((e) => e.actor))].sort(),
  };
}

/** The filtered log, newest first, as CSV: one row per entry with its human text. */
export function modLogCsv(
  entries: readonly ModLogEntry[],
  filter: ModLogFilter,
): { csv: string; count: number } {
  const keep = matchesFilter(filter);
  const rows: string[][] = [
    ['time (UTC)', 'source', 'moderator', 'action', 'target', 'what', 'reason', 'result', 'error'],
  ];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (!keep(e)) continue;
    const { summary, reason } = describeModAction(e);
    const target = e.subject?.login ?? e.target;
    const what = `${e.actor} ${summary}`;
    rows.push([
      new Date(e.at).toISOString(),
      e.sourceId,
      e.actor,
      e.action,
      target,
      what,
      reason ?? '',
      e.result,
      e.error ?? '',
    ]);
  }
  return { csv: toCsv(rows), count: rows.length - 1 };
}
