import { useState } from 'react';
import { useModBridge } from '../../store/store-context';

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; detail: string }
  | { state: 'error'; message: string };

/** The local moderator note (remount it with a new `key` once `stored` arrives): "Saved" appears only once the core answered that it stored it. */
export function CardNotes({
  sourceId,
  userId,
  stored,
}: {
  sourceId: string;
  userId: string;
  stored: string | null;
}) {
  const bridge = useModBridge();
  const [text, setText] = useState(stored ?? '');
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const onSave = async () => {
    setSave({ state: 'saving' });
    try {
      const result = await bridge.request('setUserNote', { sourceId, userId, note: text.slice(0, 2000) });
      setSave(
        result.ok
          ? { state: 'saved', detail: result.detail ?? 'Saved.' }
          : { state: 'error', message: result.message },
      );
    } catch (error) {
      setSave({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="card-notes-editor">
      <label className="field">
        Moderator note (only in OnAir)
        <textarea
          value={text}
          maxLength={2000}
          rows={2}
          disabled={stored === null}
          onChange={(event) => {
            setText(event.target.value);
            setSave({ state: 'idle' });
          }}
        />
      </label>
      <div className="row small">
        <button
          type="button"
          data-action="save-note"
          disabled={stored === null || save.state === 'saving'}
          onClick={() => void onSave()}
        >
          Save note
        </button>
        <span className="muted" role="status" data-testid="note-status">
          {save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? save.detail : ''}
        </span>
        {save.state === 'error' ? <span className="error">Not saved: {save.message}</span> : null}
      </div>
    </div>
  );
}
