import type { Alert } from '../../../shared/events';
import { alertHeadline } from '../common/alert-text';
import { MessageParts } from '../common/MessageParts';

/** The alert on screen now; keyed by id so each alert plays its (finite) entrance once. */
export function AlertCard({ alert }: { alert: Alert }) {
  return (
    <div
      key={alert.id}
      className={`onair-alert onair-alert--${alert.alertType}`}
      data-testid="alert"
      data-alert-type={alert.alertType}
      role="status"
    >
      <div className="onair-alert-headline">{alertHeadline(alert)}</div>
      {alert.message && alert.message.length > 0 ? (
        <div className="onair-alert-message">
          <MessageParts parts={alert.message} clickableLinks={false} />
        </div>
      ) : null}
    </div>
  );
}
