import type { ChatMessage } from '../../../../shared/events';
import { messageKey } from '../../../../shared/removal';
import { recordDroppedItem } from '../../common/render-drops';
import type { LineLook } from '../line-look';
import { buildLine } from './build-line';

interface Row {
  message: ChatMessage;
  /** null: building it threw; it is counted once and left out (never retried while it stays in view). */
  element: HTMLElement | null;
}

/**
 * The overlay's chat list, kept by hand instead of by React (bench:peer, docs/performance.md): a new line
 * is one element appended, a line that left is one element removed, and rows already shown are never
 * touched again. A line that throws while being built is dropped and counted (common/render-drops.ts), like
 * an error boundary would, so one bad line never blanks the overlay.
 */
export class ChatView {
  private rows = new Map<string, Row>();

  constructor(
    private readonly container: HTMLElement,
    private readonly look: LineLook,
    /** Lines fade out this long after they arrived; 0 = never. */
    private readonly fadeMs: number,
  ) {}

  /** Makes the container show exactly `lines`, oldest first. */
  show(lines: readonly ChatMessage[]): void {
    const keys = lines.map(messageKey);
    const wanted = new Set(keys);
    for (const [key, row] of this.rows)
      if (!wanted.has(key)) {
        row.element?.remove();
        this.rows.delete(key);
      }
    let cursor = this.container.firstChild;
    lines.forEach((message, index) => {
      const row = this.rowFor(keys[index], message);
      if (!row.element) return;
      if (row.element === cursor) cursor = cursor.nextSibling;
      else this.container.insertBefore(row.element, cursor);
    });
  }

  /** Removes every row (the view is being replaced: new options, unmount). */
  clear(): void {
    for (const row of this.rows.values()) row.element?.remove();
    this.rows.clear();
  }

  /** The row for a line: kept while its message object is the same, rebuilt when the line changed. */
  private rowFor(key: string, message: ChatMessage): Row {
    const known = this.rows.get(key);
    if (known && known.message === message) return known;
    known?.element?.remove();
    const row: Row = { message, element: this.build(key, message) };
    this.rows.set(key, row);
    return row;
  }

  private build(key: string, message: ChatMessage): HTMLElement | null {
    try {
      return buildLine(message, this.look, this.fadeMs > 0 ? message.receivedAt + this.fadeMs : null);
    } catch (error) {
      recordDroppedItem('chat-line', key, error);
      return null;
    }
  }
}
