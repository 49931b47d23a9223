/**
 * Items (chat lines, alerts) that threw while rendering and were dropped by their error boundary instead of
 * taking the whole view down. Counted once per item, however often the view re-renders it. The count is on
 * `window.__onairRenderDrops` once something was dropped (tests, devtools) and shown in the mod console's chat status bar.
 */

export type DroppedKind = 'chat-line' | 'mod-line' | 'alert';

export interface RenderDrops {
  count: number;
  byKind: Record<DroppedKind, number>;
  lastError: string | null;
}

/** Item keys remembered so a re-render of the same broken item is not counted again. */
const MAX_REMEMBERED = 500;

const remembered = new Set<string>();
const listeners = new Set<() => void>();
let drops: RenderDrops = { count: 0, byKind: { 'chat-line': 0, 'mod-line': 0, alert: 0 }, lastError: null };

declare global {
  interface Window {
    __onairRenderDrops?: RenderDrops;
  }
}

function publish(): void {
  if (typeof window !== 'undefined') window.__onairRenderDrops = drops;
  for (const listener of listeners) listener();
}

export function recordDroppedItem(kind: DroppedKind, key: string, error: unknown): void {
  const id = `${kind}\u0000${key}`;
  if (remembered.has(id)) return;
  remembered.add(id);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.values().next().value as string);
  drops = {
    count: drops.count + 1,
    byKind: { ...drops.byKind, [kind]: drops.byKind[kind] + 1 },
    lastError: error instanceof Error ? error.message : String(error),
  };
  publish();
}

export function renderDrops(): RenderDrops {
  return drops;
}

export function subscribeRenderDrops(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
