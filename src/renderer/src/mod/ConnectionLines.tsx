import { useState } from 'react';
import type { Notice, SourceStatus } from '../../../shared/events';
import { useModStore } from '../store/store-context';
import { inTrouble, outageLength, plainStatusError, troubleHeadline } from './connection-text';
import { PlainErrorText } from './PlainErrorText';
import { useRunAction } from './use-actions';
import { useNow } from './use-now';

/** Notices a source sends when an outage left a hole no protocol could fill. */
const GAP_CODES: ReadonlySet<string> = new Set(['chat_gap', 'history_gap', 'tips_gap']);
/** How long a "Reconnected …" line stays in the chat column (it can be dismissed sooner). */
const RECOVERED_SHOWN_MS = 60_000;
const MAX_RECOVERED = 3;

interface Recovery {
  key: string;
  sourceId: string;
  label: string;
  /** When the outage began and ended (the core's `since` of each state). */
  downSince: number;
  upAt: number;
}

/** Sources that were reconnecting/failed in `before` and are connected in `after`. */
function recoveriesBetween(
  before: Record<string, SourceStatus>,
  after: Record<string, SourceStatus>,
): Recovery[] {
  const found: Recovery[] = [];
  for (const status of Object.values(after)) {
    const was = before[status.source.sourceId];
    if (status.state !== 'connected' || !was || !inTrouble(was)) continue;
    const sourceId = status.source.sourceId;
    found.push({
      key: `${sourceId}@${status.since}`,
      sourceId,
      label: status.label,
      downSince: was.since,
      upAt: status.since,
    });
  }
  return found;
}

/** Recent recoveries, found by comparing each statuses update with the one before (during render). */
function useRecoveries(statuses: Record<string, SourceStatus>): Recovery[] {
  const [seen, setSeen] = useState(statuses);
  const [recoveries, setRecoveries] = useState<Recovery[]>([]);
  if (seen !== statuses) {
    const found = recoveriesBetween(seen, statuses);
    setSeen(statuses);
    if (found.length > 0) setRecoveries([...recoveries, ...found].slice(-MAX_RECOVERED));
  }
  return recoveries;
}

/** The gap notice a recovery produced, if the source sent one. */
function gapNoticeFor(recovery: Recovery, notices: Notice[]): Notice | undefined {
  for (let i = notices.length - 1; i >= 0; i--) {
    const notice = notices[i];
    if (notice.source.sourceId !== recovery.sourceId || !GAP_CODES.has(notice.code ?? '')) continue;
    if (notice.at >= recovery.downSince) return notice;
  }
  return undefined;
}

/**
 * Connection state where the moderator looks: system lines at the top of the chat column for every source that
 * is down (plain words, countdown, raw error one click away, retry), and for a minute after it came back.
 */
export function ConnectionLines() {
  const statuses = useModStore((state) => state.statuses);
  const notices = useModStore((state) => state.notices);
  const recoveries = useRecoveries(statuses);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const troubled = Object.values(statuses).filter(inTrouble);
  const ticking = troubled.some((status) => status.retryAt) || recoveries.length > 0;
  const now = useNow(ticking);
  const recent = recoveries.filter(
    (recovery) => !dismissed.has(recovery.key) && now - recovery.upAt < RECOVERED_SHOWN_MS,
  );
  if (troubled.length === 0 && recent.length === 0) return null;
  const dismiss = (key: string): void => setDismissed((set) => new Set(set).add(key));
  return (
    <div className="connection-lines" aria-live="polite" data-testid="connection-lines">
      {troubled.map((status) => (
        <TroubleLine key={status.source.sourceId} status={status} now={now} />
      ))}
      {recent.map((recovery) => (
        <RecoveredLine
          key={recovery.key}
          recovery={recovery}
          gap={gapNoticeFor(recovery, notices)}
          onDismiss={() => dismiss(recovery.key)}
        />
      ))}
    </div>
  );
}

function TroubleLine({ status, now }: { status: SourceStatus; now: number }) {
  const run = useRunAction(true);
  const setTab = useModStore((state) => state.setSideTab);
  const headline = troubleHeadline(status, now);
  const error = plainStatusError(status);
  const sourceId = status.source.sourceId;
  return (
    <div
      className={`sys-line sys-line--${status.state}`}
      data-testid="connection-line"
      data-source-id={sourceId}
      data-state={status.state}
    >
      <b>
        {headline.lead}
        <span aria-hidden="true">{headline.countdown}</span>
        {error ? '.' : null}
      </b>
      {error ? <PlainErrorText error={error} /> : null}
      {status.state === 'login-needed' ? (
        <button type="button" onClick={() => setTab('account')}>
          Log in
        </button>
      ) : (
        <button
          type="button"
          data-action="retry-now"
          onClick={() =>
            void run(`Reconnect ${status.label}`, (bridge) => bridge.request('reconnect', { sourceId }))
          }
        >
          Retry now
        </button>
      )}
    </div>
  );
}

/**
 * "Reconnected to Twitch #x after 12 s." — or, when the source reported a gap, its notice: Twitch's already
 * says "Reconnected to #x after 12 s offline; chat from that time is not shown …", others are appended.
 */
function recoveredText(recovery: Recovery, gap: Notice | undefined): string {
  const own = `Reconnected to ${recovery.label} after ${outageLength(recovery.upAt - recovery.downSince)}`;
  if (!gap) return `${own}.`;
  return gap.text.startsWith('Reconnected') ? gap.text : `${own} — ${gap.text}`;
}

function RecoveredLine(props: { recovery: Recovery; gap: Notice | undefined; onDismiss: () => void }) {
  const { recovery, gap, onDismiss } = props;
  return (
    <div
      className={gap ? 'sys-line sys-line--gap' : 'sys-line sys-line--recovered'}
      data-testid="reconnected-line"
      data-source-id={recovery.sourceId}
    >
      <b>{recoveredText(recovery, gap)}</b>
      <button type="button" className="sys-dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
