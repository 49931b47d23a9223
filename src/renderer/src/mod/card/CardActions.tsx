import type { ModLogEntry } from '../../../../shared/events';
import { describeModAction } from '../../../../shared/mod-action-text';
import { formatDate } from './use-card-request';
import { formatClock } from '../../common/format';

const RESULT_TEXT: Record<ModLogEntry['result'], string> = {
  ok: 'confirmed by the service',
  local: 'OnAir only',
  error: 'failed',
};

/** Every moderation of this user in the log: who, what, when, why, and whether the service confirmed it. */
export function CardActions({
  actions,
  label,
}: {
  actions: ModLogEntry[] | null;
  label: (sourceId: string) => string;
}) {
  if (actions === null) return <p className="muted card-actions">…</p>;
  if (actions.length === 0)
    return <p className="muted card-actions">No moderation of this user in the log.</p>;
  return (
    <ul className="card-actions" aria-label="Moderation of this user" data-testid="card-actions">
      {actions.map((entry) => {
        const { summary, reason } = describeModAction(entry);
        return (
          <li key={entry.id} className={`modlog--${entry.result}`}>
            <span className="mod-time">
              {formatDate(entry.at)} {formatClock(entry.at)}
            </span>{' '}
            <b>{entry.actor}</b> {summary}
            {reason ? <span className="muted"> — {reason}</span> : null}
            <span className="muted">
              {' '}
              · {label(entry.sourceId)},{' '}
              {entry.result === 'error' ? `failed: ${entry.error ?? ''}` : RESULT_TEXT[entry.result]}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
