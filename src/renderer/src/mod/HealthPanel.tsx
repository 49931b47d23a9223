import { useEffect, useState } from 'react';
import type { SourceStatus } from '../../../shared/events';
import { formatAge } from '../common/format';
import { plainStatusError, retryIn } from './connection-text';
import { PlainErrorText } from './PlainErrorText';
import { useModStore } from '../store/store-context';
import { useRunAction } from './use-actions';

/** Connection health per source: state, since, last message age, reconnects, error, counters, reconnect. */
export function HealthPanel() {
  const statuses = useModStore((state) => state.statuses);
  const presence = useModStore((state) => state.presenceCount);
  const connected = useModStore((state) => state.connected);
  const run = useRunAction(true);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const list = Object.values(statuses);
  return (
    <section className="panel" aria-label="Connection health">
      <h3>Connections</h3>
      <p className="small">Bridge to OnAir: {connected ? 'connected' : 'disconnected — retrying'}</p>
      {list.length === 0 ? <p className="muted">No sources.</p> : null}
      {list.map((status: SourceStatus) => (
        <div
          key={status.source.sourceId}
          className={`health health--${status.state}`}
          data-testid="source-status"
          data-source-id={status.source.sourceId}
          data-state={status.state}
        >
          <div className="row">
            <b>{status.label}</b>
            {status.demo ? <span className="pill demo">DEMO — not a real chat</span> : null}
            <span className="spacer" />
            <span className={`pill state-${status.state}`}>{status.state}</span>
          </div>
          <dl className="stats">
            <dt>since</dt>
            <dd>{formatAge(status.since, now)}</dd>
            <dt>last message</dt>
            <dd>{formatAge(status.lastMessageAt, now)}</dd>
            <dt>reconnects</dt>
            <dd>{status.reconnects}</dd>
            <dt>chatters</dt>
            <dd>{presence[status.source.sourceId] ?? '—'}</dd>
            {status.identity ? (
              <>
                <dt>as</dt>
                <dd>{status.identity.displayName}</dd>
              </>
            ) : null}
            {Object.entries(status.counters ?? {}).map(([name, value]) => (
              <Counter key={name} name={name} value={value} />
            ))}
          </dl>
          <StatusError status={status} now={now} />
          <div className="row small">
            <span className="muted grow">can: {status.capabilities.join(', ') || 'read only'}</span>
            <button
              type="button"
              data-action="reconnect"
              onClick={() =>
                void run(`Reconnect ${status.label}`, (bridge) =>
                  bridge.request('reconnect', { sourceId: status.source.sourceId }),
                )
              }
            >
              Reconnect
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

/** The error in plain words (raw one click away), and when the next attempt starts. */
function StatusError({ status, now }: { status: SourceStatus; now: number }) {
  const error = plainStatusError(status);
  if (!error) return null;
  return (
    <p className="error">
      <PlainErrorText error={error} />
      {status.state === 'reconnecting' && status.retryAt
        ? ` Retrying ${retryIn(status.retryAt, now)}.`
        : null}
    </p>
  );
}

function Counter({ name, value }: { name: string; value: number }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}
