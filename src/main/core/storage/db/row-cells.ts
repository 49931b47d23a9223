import type { Alert } from '../../../../shared/events';
import type { StoredMessage } from './history-types';
import { messageRow, modActionRow, type ModActionRow, type PendingRow } from './rows';

/**
 * Rows as they cross to the worker thread: one flat array of primitives, each row a table tag followed by its
 * columns in insert order. Structured clone copies such an array several times faster than the same rows as
 * objects (measured by `npm run bench:storage`, docs/storage.md), and the worker binds the cells as they are.
 */
export type Cell = string | number | null;

export const TAG_MESSAGE = 0;
export const TAG_MOD = 1;
export const TAG_ALERT = 2;
/** Columns after the tag, per tag. */
const WIDTH = [7, 8, 7] as const;

/** Appends `rows` to `cells`; returns how many rows were encoded. */
export function encodeRows(rows: readonly PendingRow[], cells: Cell[]): number {
  for (const row of rows) {
    if (row.table === 'message') {
      const m = messageRow(row.event);
      cells.push(TAG_MESSAGE, m.sourceId, m.messageId, m.userId, m.login, m.displayName, m.text, m.at);
    } else if (row.table === 'mod') {
      const r = modActionRow(row.event);
      cells.push(TAG_MOD, r.sourceId, r.at, r.actor, r.action, r.target, r.detail, r.result, r.origin);
    } else cells.push(TAG_ALERT, ...alertCells(row.event));
  }
  return rows.length;
}

function alertCells(alert: Alert): Cell[] {
  const { source, id, alertType, user, receivedAt } = alert;
  return [source.sourceId, id, alertType, user.id, user.login, receivedAt, JSON.stringify(alert)];
}

/** Offset of the row after the one starting at `offset`; throws on a tag it does not know (bogus input). */
export function nextRow(cells: readonly Cell[], offset: number): number {
  const width = WIDTH[cells[offset] as 0 | 1 | 2];
  if (width === undefined) throw new Error(`bad row tag at ${offset}`);
  return offset + 1 + width;
}

export function countRows(cells: readonly Cell[]): number {
  let rows = 0;
  for (let offset = 0; offset < cells.length; offset = nextRow(cells, offset)) rows += 1;
  return rows;
}

/** Calls back with each message and moderation row (alerts are only counted in memory). */
export function decodeRows(
  cells: readonly Cell[],
  visit: { message(m: StoredMessage): void; mod(r: ModActionRow): void; alert(): void },
): void {
  for (let o = 0; o < cells.length; o = nextRow(cells, o)) {
    const c = (i: number): string => String(cells[o + i]);
    const n = (i: number): number => Number(cells[o + i]);
    if (cells[o] === TAG_MESSAGE)
      visit.message({
        sourceId: c(1),
        messageId: c(2),
        userId: c(3),
        login: c(4),
        displayName: c(5),
        text: c(6),
        at: n(7),
      });
    else if (cells[o] === TAG_MOD)
      visit.mod({
        sourceId: c(1),
        at: n(2),
        actor: c(3),
        action: c(4),
        target: c(5),
        detail: cells[o + 6] === null ? null : c(6),
        result: c(7),
        origin: cells[o + 8] === 'service' ? 'service' : 'onair',
      });
    else visit.alert();
  }
}
