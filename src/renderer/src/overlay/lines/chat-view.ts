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

/** The laid-out heights of lines and the column's gap, as the browser reports them after each layout. */
class LineHeights {
  private readonly heights = new WeakMap<Element, number>();
  private gap = 0;
  private readonly observer: ResizeObserver;

  constructor(column: HTMLElement) {
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) this.heights.set(entry.target, entry.borderBoxSize[0].blockSize);
      // Read after layout, when it costs nothing: the gap between lines (a theme or OBS CSS sets it).
      this.gap = parseFloat(getComputedStyle(column).rowGap) || 0;
    });
  }

  watch(element: Element): void {
    this.observer.observe(element);
  }

  /** The space a line took in the column (its height and one gap); 0 if it was never laid out. */
  release(element: Element): number {
    this.observer.unobserve(element);
    const height = this.heights.get(element);
    return height === undefined ? 0 : height + this.gap;
  }

  stop(): void {
    this.observer.disconnect();
  }
}

/**
 * Past this height the spacer is reset to zero: the lines move once inside the column (one full redraw)
 * instead of the column growing without end. About 250 lines of 20 px text.
 */
const SPACER_RESET_PX = 10_000;

/**
 * The overlay's chat column, kept by hand instead of by React (bench:peer, docs/performance.md): a new line
 * is one element appended, a line that left is one element removed, and lines already shown are never
 * touched again. The column grows upward from the frame's bottom (overlay.css); a spacer at its top takes
 * the place of the lines that left, so the lines that stay never move inside the column and the browser
 * draws each line once. A line that throws while being built is dropped and counted
 * (common/render-drops.ts), like an error boundary would, so one bad line never blanks the overlay.
 */
export class ChatView {
  private rows = new Map<string, Row>();
  private readonly spacer: HTMLElement;
  private spacerHeight = 0;
  private readonly heights: LineHeights;

  constructor(
    private readonly container: HTMLElement,
    private readonly look: LineLook,
    /** Lines fade out this long after they arrived; 0 = never. */
    private readonly fadeMs: number,
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'onair-chat-spacer';
    container.replaceChildren(this.spacer);
    this.heights = new LineHeights(container);
  }

  /** Makes the column show exactly `lines`, oldest first. */
  show(lines: readonly ChatMessage[]): void {
    const keys = lines.map(messageKey);
    this.removeAllBut(new Set(keys));
    let cursor = this.spacer.nextSibling;
    lines.forEach((message, index) => {
      const row = this.rowFor(keys[index], message);
      if (!row.element) return;
      if (row.element === cursor) cursor = cursor.nextSibling;
      else {
        this.container.insertBefore(row.element, cursor);
        this.heights.watch(row.element);
      }
    });
  }

  /** Removes every line and stops watching (the view is being replaced: new options, unmount). */
  clear(): void {
    for (const row of this.rows.values()) row.element?.remove();
    this.rows.clear();
    this.heights.stop();
    this.setSpacer(0);
  }

  /**
   * Removes the rows not in `wanted`. The space of the oldest that go (before the first line that stays)
   * goes to the spacer, so the lines that stay do not move inside the column. Heights come from a
   * ResizeObserver, so nothing here reads the layout. A wrong height only costs a redraw, never a misplaced
   * line: the column is anchored at its bottom, so the spacer never moves a line on screen.
   */
  private removeAllBut(wanted: ReadonlySet<string>): void {
    let freed = 0;
    let keptOne = false;
    for (const [key, row] of this.rows) {
      if (wanted.has(key)) {
        keptOne ||= row.element !== null;
        continue;
      }
      if (row.element) {
        const space = this.heights.release(row.element);
        if (!keptOne) freed += space;
        row.element.remove();
      }
      this.rows.delete(key);
    }
    if (freed > 0)
      this.setSpacer(this.spacerHeight + freed > SPACER_RESET_PX ? 0 : this.spacerHeight + freed);
  }

  private setSpacer(height: number): void {
    this.spacerHeight = height;
    this.spacer.style.height = height > 0 ? `${height}px` : '';
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
