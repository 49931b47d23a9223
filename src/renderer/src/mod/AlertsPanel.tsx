import { ALERT_TYPES, type AlertType } from '../../../shared/events';
import { alertHeadline } from '../common/alert-text';
import { useModStore } from '../store/store-context';
import { useRunAction } from './use-actions';

const TYPES = ALERT_TYPES;

/** Alert queue control: what is on screen, what waits, pause/resume/skip, replay, and test alerts. */
export function AlertsPanel() {
  const alerts = useModStore((state) => state.alerts);
  const run = useRunAction(true);
  const control = (label: string, params: Parameters<typeof controlParams>[0]) =>
    void run(label, (bridge) => bridge.request('alertControl', controlParams(params)));
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
            onClick={() => control('Resume alerts', { command: 'resume' })}
          >
            Resume
          </button>
        ) : (
          <button
            type="button"
            data-action="alerts-pause"
            onClick={() => control('Pause alerts', { command: 'pause' })}
          >
            Pause
          </button>
        )}
        <button
          type="button"
          data-action="alerts-skip"
          disabled={!alerts.active}
          onClick={() => control('Skip alert', { command: 'skip' })}
        >
          Skip current
        </button>
      </div>
      <p className="now-playing" data-testid="alert-active">
        {alerts.active ? `On screen: ${alertHeadline(alerts.active)}` : 'Nothing on screen.'}
      </p>
      <h4>Queued ({alerts.queued.length})</h4>
      <ol className="compact-list">
        {alerts.queued.slice(0, 10).map((alert) => (
          <li key={alert.id}>{alertHeadline(alert)}</li>
        ))}
      </ol>
      <h4>Recent</h4>
      <ul className="compact-list">
        {alerts.recent.slice(0, 15).map((alert) => (
          <li key={alert.id} className="row">
            <span className="grow">{alertHeadline(alert)}</span>
            <button
              type="button"
              data-action="alerts-replay"
              onClick={() => control('Replay alert', { command: 'replay', alertId: alert.id })}
            >
              Replay
            </button>
          </li>
        ))}
      </ul>
      <h4>Test</h4>
      <div className="row wrap">
        {TYPES.map((alertType) => (
          <button
            key={alertType}
            type="button"
            data-action={`alert-test-${alertType}`}
            onClick={() => control(`Test ${alertType}`, { command: 'test', alertType })}
          >
            {alertType}
          </button>
        ))}
      </div>
    </section>
  );
}

type ControlInput =
  | { command: 'pause' | 'resume' | 'skip' }
  | { command: 'replay'; alertId: string }
  | { command: 'test'; alertType: AlertType };

function controlParams(input: ControlInput): ControlInput {
  return input;
}
