import { useEffect, useState } from 'react';
import type { ModLogEntry } from '../../../shared/events';
import { describeModAction } from '../../../shared/mod-action-text';
import type { ModLogFilter } from '../../../shared/user-card-types';
import { formatClock } from '../common/format';
import { useModBridge, useModStore } from '../store/store-context';
import { formatDate } from './card/use-card-request';

interface Shown {
  entries: ModLogEntry[];
  total: number;
  next: string | null;
  actions: string[];
  moderators: string[];
  error: string | null;
}

const EMPTY: Shown = { entries: [], total: 0, next: null, actions: [], moderators: [], error: null };

/** `datetime-local` text → ms, or undefined when empty or not a time. */
const timeOf = (text: string): number | undefined => {
  const at = text ? Date.parse(text) : Number.NaN;
  return Number.isFinite(at) ? at : undefined;
};

/** Saves text as a file through a Blob link: works in the Electron window and in a browser alike. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Who did what, newest first, as sentences; filters, text search, paging and CSV export of what is shown. */
export function ModLogPanel() {
  const bridge = useModBridge();
  const statuses = useModStore((state) => state.statuses);
  const lastLogged = useModStore((state) => state.modlog.at(-1)?.id ?? '');
  const [form, setForm] = useState({
    user: '',
    moderator: '',
    action: '',
    sourceId: '',
    from: '',
    to: '',
    text: '',
  });
  const [shown, setShown] = useState<Shown>(EMPTY);
  const [exported, setExported] = useState('');
  const filter: ModLogFilter = {
    user: form.user.trim() || undefined,
    moderator: form.moderator || undefined,
    action: form.action || undefined,
    sourceId: form.sourceId || undefined,
    from: timeOf(form.from),
    to: timeOf(form.to),
    text: form.text.trim() || undefined,
  };
  const key = JSON.stringify(filter);

  const load = async (cursor: string | undefined, append: boolean) => {
    try {
      const page = await bridge.request('modLog', { ...filter, cursor });
      setShown((s) => ({
        entries: append ? [...s.entries, ...page.entries] : page.entries,
        total: page.total,
        next: page.nextCursor,
        actions: page.actions,
        moderators: page.moderators,
        error: null,
      }));
    } catch (error) {
      setShown((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
    }
  };
  useEffect(() => {
    const timer = setTimeout(() => void load(undefined, false), 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, lastLogged]);

  const onExport = async () => {
    setExported('Exporting…');
    try {
      const { csv, count } = await bridge.request('exportModLog', filter);
      download(`onair-moderation-log-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      setExported(`Exported ${count} entr${count === 1 ? 'y' : 'ies'}.`);
    } catch (error) {
      setExported(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: event.target.value }));
  const label = (sourceId: string) => statuses[sourceId]?.label ?? sourceId;

  return (
    <section className="panel" aria-label="Moderation log">
      <h3>Moderation log</h3>
      <div className="modlog-filters" role="search" aria-label="Filter the moderation log">
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search"
          value={form.text}
          maxLength={200}
          onChange={set('text')}
        />
        <input aria-label="User" placeholder="User" value={form.user} maxLength={64} onChange={set('user')} />
        <select aria-label="Moderator" value={form.moderator} onChange={set('moderator')}>
          <option value="">Any moderator</option>
          {shown.moderators.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <select aria-label="Action" value={form.action} onChange={set('action')}>
          <option value="">Any action</option>
          {shown.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <select aria-label="Source" value={form.sourceId} onChange={set('sourceId')}>
          <option value="">Any source</option>
          {Object.keys(statuses).map((id) => (
            <option key={id} value={id}>
              {label(id)}
            </option>
          ))}
        </select>
        <label className="small">
          From <input type="datetime-local" aria-label="From" value={form.from} onChange={set('from')} />
        </label>
        <label className="small">
          To <input type="datetime-local" aria-label="To" value={form.to} onChange={set('to')} />
        </label>
        <button type="button" data-action="export-csv" onClick={() => void onExport()}>
          Export CSV
        </button>
        <span className="muted small" role="status">
          {exported}
        </span>
      </div>
      <p className="muted small" data-testid="modlog-count">
        {shown.error
          ? `Log unavailable: ${shown.error}`
          : `${shown.total} entr${shown.total === 1 ? 'y' : 'ies'}`}
      </p>
      <table className="modlog">
        <tbody>
          {shown.entries.map((entry) => (
            <LogRow key={entry.id} entry={entry} source={label(entry.sourceId)} />
          ))}
        </tbody>
      </table>
      {shown.next !== null ? (
        <button
          type="button"
          data-action="modlog-more"
          onClick={() => void load(shown.next ?? undefined, true)}
        >
          Older entries
        </button>
      ) : null}
    </section>
  );
}

function LogRow({ entry, source }: { entry: ModLogEntry; source: string }) {
  const { summary, reason } = describeModAction(entry);
  return (
    <tr className={`modlog--${entry.result}`} data-testid="modlog-entry">
      <td className="mod-time" title={new Date(entry.at).toISOString()}>
        {formatDate(entry.at)} {formatClock(entry.at)}
      </td>
      <td>
        <b>{entry.actor}</b> {summary}
        {reason ? <span className="muted"> — {reason}</span> : null} · {source}
        {entry.result === 'local' ? <span className="pill local">local only</span> : null}
        {entry.result === 'error' ? <span className="error"> — {entry.error ?? 'failed'}</span> : null}
      </td>
    </tr>
  );
}
