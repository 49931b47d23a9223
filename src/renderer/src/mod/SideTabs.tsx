import { useRef, type KeyboardEvent } from 'react';
import type { SideTab } from '../store/mod-ui-slice';

interface SideTabsProps {
  tabs: ReadonlyArray<{ id: SideTab; label: string }>;
  current: SideTab;
  onSelect(tab: SideTab): void;
  pendingHolds: number;
}

/** ARIA tabs: one tab stop (the selected tab), ← / → / Home / End move and select, as the APG pattern. */
export function SideTabs({ tabs, current, onSelect, pendingHolds }: SideTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.findIndex((tab) => tab.id === current);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Tool panels" ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={current === id}
          aria-controls={current === id ? `panel-${id}` : undefined}
          tabIndex={current === id ? 0 : -1}
          className={current === id ? 'tab on' : 'tab'}
          data-tab={id}
          onClick={() => onSelect(id)}
        >
          {label}
          {id === 'automod' && pendingHolds > 0 ? (
            <span className="count" aria-label={`${pendingHolds} pending`}>
              {pendingHolds}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
