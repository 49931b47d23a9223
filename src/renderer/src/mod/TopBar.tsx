import { useModStore } from '../store/store-context';
import { chipState, plainStatusError } from './connection-text';
import { useNow } from './use-now';

interface TopBarProps {
  /** The side panel (tools) is shown. */
  panelOpen: boolean;
  onTogglePanel(): void;
}

/**
 * Sources as chips (state colour and word, DEMO label); clicking one makes it the target of send and mode
 * toggles. A source that is down says so here too ("retrying in 4 s", "offline"), with the reason in plain
 * words as its tooltip. The last button shows or hides the tools panel (a drawer on narrow windows).
 */
export function TopBar({ panelOpen, onTogglePanel }: TopBarProps) {
  const statuses = useModStore((state) => state.statuses);
  const active = useModStore((state) => state.activeSourceId);
  const setActive = useModStore((state) => state.setActiveSource);
  const pendingHolds = useModStore(
    (state) => state.automod.filter((hold) => hold.status === 'pending').length,
  );
  const list = Object.values(statuses);
  const now = useNow(list.some((status) => status.state === 'reconnecting' && status.retryAt));
  return (
    <header className="top-bar">
      <span className="brand">OnAir</span>
      <div className="chips">
        {list.map((status) => {
          const word = chipState(status, now);
          const error = plainStatusError(status);
          return (
            <button
              key={status.source.sourceId}
              type="button"
              className={`source-chip state-${status.state}${status.source.sourceId === active ? ' active' : ''}`}
              data-testid="source-chip"
              data-source-id={status.source.sourceId}
              data-state={status.state}
              title={error ? `${error.text}\n(${error.raw})` : status.state}
              onClick={() => setActive(status.source.sourceId)}
            >
              <span className="dot" />
              <span className="chip-label">{status.label}</span>
              {word ? (
                <span className="chip-state" data-testid="chip-state">
                  {word}
                </span>
              ) : null}
              {status.demo ? (
                <span className="pill demo" data-testid="demo-label">
                  DEMO
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <button
        type="button"
        className="panel-toggle"
        data-testid="panel-toggle"
        aria-controls="side-panel"
        aria-expanded={panelOpen}
        onClick={onTogglePanel}
      >
        {panelOpen ? 'Hide tools' : 'Tools'}
        {!panelOpen && pendingHolds > 0 ? <span className="count">{pendingHolds}</span> : null}
      </button>
    </header>
  );
}
