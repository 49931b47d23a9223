import { useState } from 'react';
import { ALERT_TYPES, type AlertType } from '../../../shared/events';
import { alertHeadline } from '../common/alert-text';
import { useModStore } from '../store/store-context';
import type { ModState } from '../store/create-stores';
import { AlertApprovals } from './alerts/AlertApprovals';
import { AlertBoxEditor } from './alerts/AlertBoxEditor';
import { useAlertControl } from './alerts/use-alert-control';

const TESTS_SHOWN = 4;

/** Where a test alert is now, from the replica: waiting for approval, queued, on screen, or done. */
function testPlacement(state: ModState, id: string): string {
  const approval = state.alertApprovals.find((item) => item.alert.id === id);
  if (approval?.status === 'pending') return 'held for approval';
  if (approval?.status === 'rejected') return 'rejected';
  if (state.alerts.active?.id === id) return 'shown';
  if (state.alerts.queued.some((alert) => alert.id === id)) return 'queued';
  return state.alerts.recent.some((alert) => alert.id === id) ? 'done' : 'not shown (filtered)';
}

function TestResults({ tests }: { tests: Array<{ id: string; alertType: AlertType }> }) {
  const placements = useModStore((state) => tests.map((test) => testPlacement(state, test.id)).join('\n'));
  const lines = placements.split('\n');
  if (tests.length === 0) return null;
  return (
    <ul className="compact-list small">
      {tests.map((test, index) => (
        <li
          key={test.id}
          data-testid="alert-test-result"
          data-alert-id={test.id}
          data-placement={lines[index]}
        >
          Test {test.alertType}: {lines[index]}
        </li>
      ))}
    </ul>
  );
}

/**
 * Alert queue control: what is on screen, approvals, what waits, pause/resume/skip, the in-memory history with
 * replay, test alerts that report where they went, and the alert box configuration.
 */
export function AlertsPanel() {
  const alerts = useModStore((state) => state.alerts);
  const control = useAlertControl();
  const [tests, setTests] = useState<Array<{ id: string; alertType: AlertType }>>([]);
  const test = async (alertType: AlertType): Promise<void> => {
    const result = await control(`Test ${alertType}`, { command: 'test', alertType });
    const id = result.alertId;
    if (id) setTests((list) => [{ id, alertType }, ...list].slice(0, TESTS_SHOWN));
  };
  return (
    <section className="panel" aria-label="Alerts">
      <h3>
        Alerts{' '}
        <span className={`pill state-${alerts.status}`} data-testid="alert-status">
          {alerts.status}
        </span>
      </h3>
      <div className="row wrap">
        {alerts.status === 'paused' ? (
          <button
            type="button"
            data-action="alerts-resume"
            onClick={() => void control('Resume alerts', { command: 'resume' })}
          >
            Resume
          </button>
        ) : (
          <button
            type="button"
            data-action="alerts-pause"
            onClick={() => void control('Pause alerts', { command: 'pause' })}
          >
            Pause
          </button>
        )}
        <button
          type="button"
          data-action="alerts-skip"
          disabled={!alerts.active}
          onClick={() => void control('Skip alert', { command: 'skip' })}
        >
          Skip current
        </button>
      </div>
      {alerts.status === 'paused' ? (
        <p className="small muted">Paused: the alert on screen finishes; the next ones wait.</p>
      ) : null}
      <p className="now-playing" data-testid="alert-active">
        {alerts.active ? `On screen: ${alertHeadline(alerts.active)}` : 'Nothing on screen.'}
      </p>
      <AlertApprovals />
      <h4>Queued ({alerts.queued.length})</h4>
      <ol className="compact-list">
        {alerts.queued.slice(0, 10).map((alert) => (
          <li key={alert.id}>{alertHeadline(alert)}</li>
        ))}
      </ol>
      <h4>History</h4>
      <ul className="compact-list" data-testid="alert-history">
        {alerts.recent.slice(0, 15).map((alert) => (
          <li key={alert.id} className="row">
            <span className="grow">{alertHeadline(alert)}</span>
            <button
              type="button"
              data-action="alerts-replay"
              onClick={() => void control('Replay alert', { command: 'replay', alertId: alert.id })}
            >
              Replay
            </button>
          </li>
        ))}
      </ul>
      <h4>Test</h4>
      <div className="row wrap">
        {ALERT_TYPES.map((alertType) => (
          <button
            key={alertType}
            type="button"
            data-action={`alert-test-${alertType}`}
            onClick={() => void test(alertType)}
          >
            {alertType}
          </button>
        ))}
      </div>
      <TestResults tests={tests} />
      <AlertBoxEditor />
    </section>
  );
}
