import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { SEND_LIMITS, sendLength } from '../../../shared/api';
import type { SourceStatus } from '../../../shared/events';
import { useModStore } from '../store/store-context';
import { ScopeNotes } from './ActionNotes';
import { can, useRunAction, type DescribeResult } from './use-actions';

/** Past the service's limit the text stays in the box (never cut) but Send refuses it. */
function limitOf(status: SourceStatus): { max: number; count(text: string): number } | null {
  const limit = SEND_LIMITS[status.source.provider];
  return limit ? { max: limit.max, count: (text) => sendLength(text, limit) } : null;
}

const SERVICE_NAMES: Partial<Record<string, string>> = { twitch: 'Twitch', chatkc: 'ChatKC' };

/** "Sent" only for what the service confirmed; the demo says it stayed in OnAir; refusals say why. */
function describeSendTo(service: string): DescribeResult {
  return (_label, result) => {
    if (!result.ok)
      return { tone: 'error', text: `Not sent: ${result.message.replace(/^Not sent:\s*/i, '')}` };
    if (result.local) return { tone: 'local', text: 'Shown in OnAir only: nothing was sent to a service.' };
    return { tone: 'ok', text: `Sent: ${service} confirmed it.` };
  };
}

/**
 * Send (and reply) into the active source's chat. Shows the service's length limit with a counter, refuses
 * what the service would drop, and says "sent" only when the service confirmed it (use-actions: a `local`
 * result says "OnAir only"); a refusal keeps the text for another try.
 */
export function SendBox() {
  const activeSourceId = useModStore((state) => state.activeSourceId);
  const status = useModStore((state) =>
    state.activeSourceId ? state.statuses[state.activeSourceId] : undefined,
  );
  const replyTo = useModStore((state) => state.replyTo);
  const setReplyTo = useModStore((state) => state.setReplyTo);
  const service = SERVICE_NAMES[status?.source.provider ?? ''] ?? 'the service';
  const run = useRunAction(
    false,
    useMemo(() => describeSendTo(service), [service]),
  );
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const canSend = can(status, 'send');
  const replying = replyTo && replyTo.sourceId === activeSourceId && can(status, 'reply') ? replyTo : null;

  // Reply (button, menu or R) moves the cursor here.
  useEffect(() => {
    if (replyTo) inputRef.current?.focus();
  }, [replyTo]);

  if (!status) return <div className="send-box muted">Pick a source to chat.</div>;
  const limit = limitOf(status);
  const body = text.trim();
  const length = limit ? limit.count(body) : body.length;
  const tooLong = limit !== null && length > limit.max;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!body || !activeSourceId || tooLong) return;
    const result = await run(
      replying ? `Sending the reply to ${replying.author}` : 'Sending',
      (bridge) =>
        bridge.request('send', { sourceId: activeSourceId, text: body, replyTo: replying?.messageId }),
      'send',
    );
    if (result.ok) {
      setText('');
      setReplyTo(null);
    }
  };

  return (
    <form
      className="send-box"
      aria-label={`Send to ${status.label}`}
      onSubmit={(event) => void submit(event)}
    >
      {replying ? (
        <div className="replying">
          Replying to <b>{replying.author}</b>: {replying.text}
          <button type="button" onClick={() => setReplyTo(null)} aria-label="Cancel reply">
            ✕
          </button>
        </div>
      ) : null}
      <div className="row">
        <input
          id="send-input"
          ref={inputRef}
          data-testid="send-input"
          aria-label={canSend ? `Message ${status.label}` : `${status.label}: sending needs a login`}
          aria-describedby="send-count"
          aria-invalid={tooLong || undefined}
          value={text}
          maxLength={4000}
          disabled={!canSend}
          placeholder={canSend ? `Message ${status.label}` : `${status.label}: sending needs a login`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && replying) setReplyTo(null);
          }}
        />
        <button type="submit" disabled={!canSend || body === '' || tooLong} data-action="send">
          Send
        </button>
      </div>
      <div className="send-meta">
        {limit ? (
          <span
            id="send-count"
            data-testid="send-count"
            className={tooLong ? 'send-count over' : 'send-count'}
          >
            {tooLong
              ? `${length} / ${limit.max}: too long for ${status.label}, which takes at most ${limit.max} characters`
              : `${length} / ${limit.max}`}
          </span>
        ) : null}
        <ScopeNotes scope="send" className="grow" />
      </div>
    </form>
  );
}
