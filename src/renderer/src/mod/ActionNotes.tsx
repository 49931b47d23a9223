import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ActionNote } from '../store/action-notes-slice';
import { useModStore } from '../store/store-context';

const MARKS: Record<ActionNote['tone'], string> = {
  pending: '…',
  ok: '✓',
  local: '!',
  error: '✕',
  info: 'ℹ',
};

/** One result: a mark, one sentence, and for errors a Dismiss button (errors stay until dismissed). */
export const NoteView = memo(function NoteView({ note, inLine }: { note: ActionNote; inLine?: boolean }) {
  const dismiss = useModStore((state) => state.dismissNote);
  return (
    <span className={`action-note action-note--${note.tone}`} data-testid="action-note" data-tone={note.tone}>
      <span aria-hidden="true" className="action-note-mark">
        {MARKS[note.tone]}
      </span>
      <span className="action-note-text">{note.text}</span>
      {note.tone === 'error' ? (
        <button
          type="button"
          // On a chat line the line itself is the tab stop (roving focus); the list's keys reach its actions.
          tabIndex={inLine ? -1 : undefined}
          className="action-note-dismiss"
          aria-label="Dismiss"
          onClick={() => dismiss(note.id)}
        >
          ✕
        </button>
      ) : null}
    </span>
  );
});

/**
 * The results of one scope in one place that is always there (so it never shifts what is around it): the
 * newest result, and how many older errors wait behind it.
 */
export function ScopeNotes({ scope, className }: { scope: string; className?: string }) {
  const notes = useModStore(useShallow((state) => state.notes.filter((note) => note.scope === scope)));
  const newest = notes.at(-1);
  const olderErrors = notes.filter((note) => note !== newest && note.tone === 'error').length;
  return (
    <div className={`scope-notes ${className ?? ''}`} role="status" data-testid={`notes-${scope}`}>
      {newest ? <NoteView note={newest} /> : null}
      {olderErrors > 0 ? (
        <span className="muted small">
          {' '}
          · {olderErrors} more error{olderErrors === 1 ? '' : 's'}
        </span>
      ) : null}
    </div>
  );
}
