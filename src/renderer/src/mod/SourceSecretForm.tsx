import { useState } from 'react';
import type { SourceStatus } from '../../../shared/events';
import type { SourceSecretSpec } from '../../../shared/source-secrets';
import { useModStore } from '../store/store-context';
import { plainStatusError } from './connection-text';
import { PlainErrorText } from './PlainErrorText';
import { useRunAction } from './use-actions';

/**
 * A source's secret (ChatKC token, Streamlabs Socket API token, StreamElements JWT): sent once, stored by the
 * core, never shown again. "Test connection" reconnects the source and shows the state it reaches.
 */
export function SourceSecretForm({ sourceId, spec }: { sourceId: string; spec: SourceSecretSpec }) {
  const run = useRunAction(true);
  const [token, setToken] = useState('');
  return (
    <span className="inline" title={spec.where}>
      <input
        type="password"
        aria-label={`Token for ${sourceId}`}
        placeholder={spec.label}
        autoComplete="off"
        value={token}
        maxLength={4096}
        onChange={(event) => setToken(event.target.value)}
      />
      <button
        type="button"
        data-action="save-token"
        disabled={token.trim() === ''}
        onClick={() =>
          void run(`${spec.label} for ${sourceId}`, (bridge) =>
            bridge.request('setSourceToken', { sourceId, token: token.trim() }),
          ).then((result) => result.ok && setToken(''))
        }
      >
        Set
      </button>
      <button
        type="button"
        data-action="forget-token"
        title={`Forget the stored ${spec.label}`}
        onClick={() =>
          void run(`Forget ${spec.label} for ${sourceId}`, (bridge) =>
            bridge.request('setSourceToken', { sourceId, token: null }),
          )
        }
      >
        Forget
      </button>
      <ConnectionTest sourceId={sourceId} />
    </span>
  );
}

/** Reconnects the source and shows its live state (and error) from the status replica. */
function ConnectionTest({ sourceId }: { sourceId: string }) {
  const run = useRunAction(true);
  const status = useModStore((state) => state.statuses[sourceId]);
  const [tested, setTested] = useState(false);
  return (
    <>
      <button
        type="button"
        data-action="test-connection"
        onClick={() => {
          setTested(true);
          void run(`Test connection of ${sourceId}`, (bridge) => bridge.request('reconnect', { sourceId }));
        }}
      >
        Test connection
      </button>
      {tested ? (
        <span
          className={status?.error ? 'error' : 'muted'}
          data-testid="connection-test"
          data-state={status?.state ?? 'stopped'}
        >
          {status ? <TestResult status={status} /> : 'not running (enable it above)'}
        </span>
      ) : null}
    </>
  );
}

function TestResult({ status }: { status: SourceStatus }) {
  const error = plainStatusError(status);
  return (
    <>
      {status.state}
      {error ? (
        <>
          {': '}
          <PlainErrorText error={error} />
        </>
      ) : null}
    </>
  );
}
