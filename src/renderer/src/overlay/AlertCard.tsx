import type { Alert } from '../../../shared/events';
import { alertHeadlineParts } from '../common/alert-text';
import { OVERLAY_TEXT_CHARS } from '../common/display-text';
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
      <div className="onair-alert-headline">
        {alertHeadlineParts(alert).map((piece, index) =>
          index % 2 === 1 ? <bdi key={index}>{piece}</bdi> : piece,
        )}
      </div>
      {alert.message && alert.message.length > 0 ? (
        <div className="onair-alert-message" dir="auto">
          <MessageParts parts={alert.message} clickableLinks={false} maxChars={OVERLAY_TEXT_CHARS} />
        </div>
      ) : null}
    </div>
  );
}
