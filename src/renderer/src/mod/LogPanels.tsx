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

export { ModLogPanel } from './ModLogPanel';
