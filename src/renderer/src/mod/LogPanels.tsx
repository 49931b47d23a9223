import { formatClock } from '../common/format';
import { useModStore } from '../store/store-context';

const SHOWN = 60;

/** Service and app notices, newest first (plain text; lines split on \n). */
export function NoticesPanel() {
  const notices = useModStore((state) => state.notices);
  const shown = notices.slice(-SHOWN).reverse();
  return (
    <section className="panel" aria-label="Notices">
      <h3>Notices</h3>
      {shown.length === 0 ? <p className="muted">No notices.</p> : null}
      {shown.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`} data-testid="notice">
          <span className="mod-time">{formatClock(notice.at)}</span>{' '}
          <span className="pre">{notice.text}</span>
        </div>
      ))}
    </section>
  );
}

/** Who did what, newest first, including other moderators' actions seen on the service. */
export function ModLogPanel() {
  const entries = useModStore((state) => state.modlog);
  const statuses = useModStore((state) => state.statuses);
  const shown = entries.slice(-SHOWN).reverse();
  return (
    <section className="panel" aria-label="Moderation log">
      <h3>Moderation log</h3>
      {shown.length === 0 ? <p className="muted">No actions yet.</p> : null}
      <table className="modlog">
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.id} className={`modlog--${entry.result}`} data-testid="modlog-entry">
              <td className="mod-time">{formatClock(entry.at)}</td>
              <td>
                <b>{entry.actor}</b> {entry.action} <b>{entry.target}</b>
                {entry.detail ? ` (${entry.detail})` : ''} ·{' '}
                {statuses[entry.sourceId]?.label ?? entry.sourceId}
                {entry.result === 'local' ? <span className="pill local">local only</span> : null}
                {entry.result === 'error' ? (
                  <span className="error"> — {entry.error ?? 'failed'}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
