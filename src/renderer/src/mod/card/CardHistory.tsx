import { useEffect, useState } from 'react';
import type { StoredLine } from '../../../../shared/user-card-types';
import { useModBridge } from '../../store/store-context';
import { formatClock } from '../../common/format';
import { formatDate } from './use-card-request';

interface Page {
  lines: StoredLine[];
  next: string | null;
  state: 'loading' | 'ok' | 'error';
  error?: string;
}

/** The user's stored messages across streams, newest first, with search and "Older" paging. */
export function CardHistory({
  sourceId,
  userId,
  login,
  label,
}: {
  sourceId: string;
  userId: string;
  login: string;
  label: (sourceId: string) => string;
}) {
  const bridge = useModBridge();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState<Page>({ lines: [], next: null, state: 'loading' });

  const load = async (cursor: string | undefined, text: string, append: boolean) => {
    setPage((p) => ({ ...p, state: 'loading' }));
    try {
      const answer = await bridge.request('userHistory', {
        sourceId,
        userId,
        login,
        text: text.trim() || undefined,
        cursor,
      });
      setPage((p) => ({
        lines: append ? [...p.lines, ...answer.messages] : answer.messages,
        next: answer.nextCursor,
        state: 'ok',
      }));
    } catch (error) {
      setPage((p) => ({
        ...p,
        state: 'error',
        error: error instanceof Error ? error.message : String(error),
      }));
    }
  };
  useEffect(() => {
    const timer = setTimeout(() => void load(undefined, search, false), search ? 250 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId, userId, login, search]);

  return (
    <section className="card-history" aria-label="Message history">
      <input
        type="search"
        aria-label="Search this user's messages"
        placeholder="Search messages"
        value={search}
        maxLength={200}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div className="user-history" data-testid="user-history" aria-busy={page.state === 'loading'}>
        {page.lines.map((line) => (
          <div key={`${line.sourceId}\u0000${line.messageId}`} className="user-history-line">
            <span className="mod-time" title={label(line.sourceId)}>
              {formatDate(line.at)} {formatClock(line.at)}
            </span>{' '}
            <span className="pre">{line.text}</span>
          </div>
        ))}
        {page.state === 'ok' && page.lines.length === 0 ? (
          <div className="muted">{search ? 'No message matches.' : 'No stored messages from this user.'}</div>
        ) : null}
        {page.state === 'error' ? <div className="error">History unavailable: {page.error}</div> : null}
      </div>
      <button
        type="button"
        data-action="history-older"
        disabled={page.next === null || page.state === 'loading'}
        onClick={() => void load(page.next ?? undefined, search, true)}
      >
        Older messages
      </button>
    </section>
  );
}
