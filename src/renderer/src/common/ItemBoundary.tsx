import { Component, type ReactNode } from 'react';
import { recordDroppedItem, type DroppedKind } from './render-drops';

interface ItemBoundaryProps {
  kind: DroppedKind;
  /** Identifies the item in the drop count (a line's source + id, an alert's id). */
  itemKey: string;
  children: ReactNode;
}

/**
 * Wraps one line or alert: if it throws while rendering, it is dropped (rendered as nothing) and counted, and
 * the rest of the view stays up. Give it the item's key as its React key, so a new item gets a fresh boundary.
 */
export class ItemBoundary extends Component<ItemBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    recordDroppedItem(this.props.kind, this.props.itemKey, error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
