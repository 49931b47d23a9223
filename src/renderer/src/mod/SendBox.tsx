import { useState, type FormEvent } from 'react';
import { useModStore } from '../store/store-context';
import { can, useRunAction } from './use-actions';

/** Send (and reply) into the active source's chat, when it can send. */
export function SendBox() {
  const activeSourceId = useModStore((state) => state.activeSourceId);
  const status = useModStore((state) =>
    state.activeSourceId ? state.statuses[state.activeSourceId] : undefined,
  );
  const replyTo = useModStore((state) => state.replyTo);
  const setReplyTo = useModStore((state) => state.setReplyTo);
  const run = useRunAction();
  const [text, setText] = useState('');
  const canSend = can(status, 'send');
  const replying = replyTo && replyTo.sourceId === activeSourceId && can(status, 'reply') ? replyTo : null;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body = text.trim();
    if (!body || !activeSourceId) return;
    const result = await run('Send', (bridge) =>
      bridge.request('send', { sourceId: activeSourceId, text: body, replyTo: replying?.messageId }),
    );
    if (result.ok) {
      setText('');
      setReplyTo(null);
    }
  };

  if (!status) return <div className="send-box muted">Pick a source to chat.</div>;
  return (
    <form className="send-box" onSubmit={(event) => void submit(event)}>
      {replying ? (
        <div className="replying">
          Replying to <b>{replying.author}</b>: {replying.text}
          <button type="button" onClick={() => setReplyTo(null)} aria-label="Cancel reply">
            ×
          </button>
        </div>
      ) : null}
      <div className="row">
        <input
          data-testid="send-input"
          value={text}
          maxLength={2000}
          disabled={!canSend}
          placeholder={canSend ? `Message ${status.label}` : `${status.label}: sending needs a login`}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={!canSend || text.trim() === ''} data-action="send">
          Send
        </button>
      </div>
    </form>
  );
}
