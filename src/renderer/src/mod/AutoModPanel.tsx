import { MessageParts } from '../common/MessageParts';
import { formatClock } from '../common/format';
import { useModStore } from '../store/store-context';
import { useAct } from './use-actions';

const SHOWN = 40;

/** Held messages, newest first: approve/deny; holds resolved by someone else show who and how. */
export function AutoModPanel() {
  const holds = useModStore((state) => state.automod);
  const statuses = useModStore((state) => state.statuses);
  const act = useAct();
  const shown = holds.slice(-SHOWN).reverse();
  const pending = holds.filter((hold) => hold.status === 'pending').length;
  return (
    <section className="panel" aria-label="AutoMod queue">
      <h3>AutoMod {pending > 0 ? <span className="count">{pending} pending</span> : null}</h3>
      {shown.length === 0 ? <p className="muted">Nothing held.</p> : null}
      {shown.map((hold) => (
        <div
          key={`${hold.source.sourceId}/${hold.id}`}
          className={`hold hold--${hold.status}`}
          data-testid="automod-hold"
          data-hold-id={hold.id}
        >
          <div className="row small">
            <b>{hold.author.displayName}</b>
            <span className="muted">
              {formatClock(hold.heldAt)} · {statuses[hold.source.sourceId]?.label ?? hold.source.sourceId}
            </span>
          </div>
          <div className="hold-text">
            <MessageParts parts={hold.parts} clickableLinks />
          </div>
          <div className="row small">
            <span className="reason">{hold.reason}</span>
            <span className="spacer" />
            {hold.status === 'pending' ? (
              <>
                <button
                  type="button"
                  className="ok"
                  data-action="automod-allow"
                  onClick={() =>
                    void act(`Approve ${hold.author.displayName}'s message`, {
                      type: 'automod',
                      sourceId: hold.source.sourceId,
                      holdId: hold.id,
                      allow: true,
                    })
                  }
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="danger"
                  data-action="automod-deny"
                  onClick={() =>
                    void act(`Deny ${hold.author.displayName}'s message`, {
                      type: 'automod',
                      sourceId: hold.source.sourceId,
                      holdId: hold.id,
                      allow: false,
                    })
                  }
                >
                  Deny
                </button>
              </>
            ) : (
              <span className="resolution" data-testid="automod-resolution">
                {hold.status}
                {hold.resolvedBy ? ` by ${hold.resolvedBy}` : ''}
              </span>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
