import { Fragment } from 'react';
import type { Alert } from '../../../shared/events';
import { alertHeadlineParts } from '../common/alert-text';
import { OVERLAY_TEXT_CHARS } from '../common/display-text';
import { Badges, MessageParts } from '../common/MessageParts';
import { safeNameColor } from '../common/safe';

/** The alert's user as a chat line shows them: badges, then the name in their colour (when the service said). */
function AlertUserName({ alert, name }: { alert: Alert; name: string }) {
  const { color, login, badges } = alert.user;
  const style = color !== undefined && login ? { color: safeNameColor(color, login) } : undefined;
  return (
    <>
      {badges && badges.length > 0 ? <Badges badges={badges} /> : null}
      <bdi className="onair-alert-user" style={style}>
        {name}
      </bdi>
    </>
  );
}

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
          index === 1 ? (
            <AlertUserName key={index} alert={alert} name={piece} />
          ) : index % 2 === 1 ? (
            <bdi key={index}>{piece}</bdi>
          ) : (
            <Fragment key={index}>{piece}</Fragment>
          ),
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
