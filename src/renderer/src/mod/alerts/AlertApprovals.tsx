import type { AlertApprovalItem, ApprovalDecision } from '../../../../shared/alert-box/approval-types';
import { alertHeadline } from '../../common/alert-text';
import { formatClock } from '../../common/format';
import { MessageParts } from '../../common/MessageParts';
import { useModStore } from '../../store/store-context';
import { useAlertControl } from './use-alert-control';

const RESOLVED_SHOWN = 5;

const STATUS_TEXT: Record<AlertApprovalItem['status'], string> = {
  pending: 'waiting',
  approved: 'approved',
  'approved-without-text': 'approved without text',
  rejected: 'rejected',
};

function Decisions({ item }: { item: AlertApprovalItem }) {
  const control = useAlertControl();
  const decide = (label: string, decision: ApprovalDecision) =>
    void control(label, { command: 'decide', alertId: item.alert.id, decision });
  return (
    <div className="row small">
      {item.expiresAt ? (
        <span className="muted">decides itself at {formatClock(item.expiresAt)}</span>
      ) : (
        <span className="muted">waits for you</span>
      )}
      <span className="spacer" />
      <button
        type="button"
        className="ok"
        data-action="alert-approve"
        onClick={() => decide('Approve alert', 'approve')}
      >
        Approve
      </button>
      <button
        type="button"
        data-action="alert-approve-without-text"
        onClick={() => decide('Approve alert without its text', 'approve-without-text')}
      >
        Without text
      </button>
      <button
        type="button"
        className="danger"
        data-action="alert-reject"
        onClick={() => decide('Reject alert', 'reject')}
      >
        Reject
      </button>
    </div>
  );
}

/** Alerts whose viewer text waits for a moderator, then the latest decisions. */
export function AlertApprovals() {
  const items = useModStore((state) => state.alertApprovals);
  const pending = items.filter((item) => item.status === 'pending');
  const resolved = items.filter((item) => item.status !== 'pending').slice(0, RESOLVED_SHOWN);
  if (items.length === 0) return null;
  return (
    <>
      <h4>Waiting for approval ({pending.length})</h4>
      {[...pending, ...resolved].map((item) => (
        <div
          key={item.alert.id}
          className={`hold hold--${item.status === 'pending' ? 'pending' : item.status === 'rejected' ? 'denied' : 'approved'}`}
          data-testid="alert-approval"
          data-alert-id={item.alert.id}
          data-status={item.status}
        >
          <div className="row small">
            <b>{alertHeadline(item.alert)}</b>
            <span className="spacer" />
            <span className="muted">{STATUS_TEXT[item.status]}</span>
          </div>
          <div className="hold-text">
            <MessageParts parts={item.alert.message ?? []} clickableLinks={false} />
          </div>
          {item.status === 'pending' ? <Decisions item={item} /> : null}
        </div>
      ))}
    </>
  );
}
