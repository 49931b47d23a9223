import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useReleasePrevious } from './use-release-previous';
import type { ChatMessage } from '../../../shared/events';
import { formatDuration } from '../common/format';
import { safeNameColor } from '../common/safe';
import { useModStore } from '../store/store-context';
import { ConfirmButton } from './ConfirmButton';
import { ScopeNotes } from './ActionNotes';
import { readableNameColor } from '../common/readable-color';
import { timeoutButtonName } from './spoken-duration';
import { can, NoteScopeContext, useAct } from './use-actions';
import { CardActions } from './card/CardActions';
import { CardFacts } from './card/CardFacts';
import { CardHistory } from './card/CardHistory';
import { CardNotes } from './card/CardNotes';
import { useCardRequest } from './card/use-card-request';
import { useNow } from './use-now';

/**
 * Click a name: who they are (Twitch facts when logged in), their stored history across streams, every
 * moderation of them, a local note, and every action the source allows.
 */
export function UserCard() {
  const user = useModStore((state) => state.selectedUser);
  const close = useModStore((state) => state.openUser);
  const messages = useModStore((state) => state.messages);
  useReleasePrevious(messages);
  const status = useModStore((state) =>
    state.selectedUser ? state.statuses[state.selectedUser.sourceId] : undefined,
  );
  const presets = useModStore((state) => state.timeoutPresets);
  const statuses = useModStore((state) => state.statuses);
  // A new mod-log entry (an unban, a timeout from another moderator) reloads the card's action list.
  const lastLogged = useModStore((state) => state.modlog.at(-1)?.id ?? '');
  const now = useNow(user !== null, 60_000);
  const card = useCardRequest(
    'userCard',
    user ? { sourceId: user.sourceId, userId: user.userId, login: user.login } : null,
    user ? `${user.sourceId}\u0000${user.userId}\u0000${lastLogged}` : '',
    user ? `${user.sourceId}\u0000${user.userId}` : '',
  );
  const act = useAct();
  const scope = 'card';
  const [reason, setReason] = useState('');
  const [address, setAddress] = useState('');

  const theirs = useMemo(
    () =>
      user
        ? messages.filter(
            (m: ChatMessage) => m.source.sourceId === user.sourceId && m.author.id === user.userId,
          )
        : [],
    [messages, user],
  );
  const dialogRef = useFocusInside(user !== null);
  if (!user) return null;
  const latest = theirs.at(-1);
  const roles = latest?.author.roles ?? [];
  const color = readableNameColor(safeNameColor(latest?.author.color, user.login));
  const base = { sourceId: user.sourceId, userId: user.userId, login: user.login };
  const why = reason.trim() || undefined;
  const info = card.state === 'ok' && card.value.userId === user.userId ? card.value : null;
  const avatar = info?.twitch?.account.state === 'ok' ? info.twitch.account.value.avatarUrl : null;
  const label = (sourceId: string) => statuses[sourceId]?.label ?? sourceId;

  return (
    <NoteScopeContext.Provider value={scope}>
      <div className="modal-backdrop" onClick={() => close(null)}>
        <div
          ref={dialogRef}
          className="modal user-card"
          role="dialog"
          aria-modal="true"
          aria-label={`User ${user.displayName}`}
          data-testid="user-card"
          onClick={(event) => event.stopPropagation()}
          onKeyDown={(event) => onDialogKey(event, () => close(null))}
        >
          <header className="row">
            <span className="card-avatar" aria-hidden="true">
              {avatar ? <img src={avatar} alt="" width={48} height={48} /> : null}
            </span>
            <h2 style={{ color }}>{user.displayName}</h2>
            <span className="muted">@{user.login}</span>
            <span className="spacer" />
            <button type="button" onClick={() => close(null)} aria-label="Close">
              ✕
            </button>
          </header>
          <div className="row wrap small">
            {roles.map((role) => (
              <span key={role} className="pill">
                {role}
              </span>
            ))}
            <span className="muted">{status?.label ?? user.sourceId}</span>
          </div>
          <CardFacts card={card} latest={latest} now={now} />
          <label className="field">
            Reason (timeout, ban, warn)
            <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </label>
          <div className="row wrap actions">
            {can(status, 'timeout')
              ? presets.map((seconds) => (
                  <button
                    key={seconds}
                    type="button"
                    data-action={`timeout-${seconds}`}
                    aria-label={timeoutButtonName(user.displayName, seconds, formatDuration(seconds))}
                    onClick={() =>
                      void act(`Timeout ${user.displayName} ${formatDuration(seconds)}`, {
                        type: 'timeout',
                        ...base,
                        seconds,
                        reason: why,
                      })
                    }
                  >
                    {formatDuration(seconds)}
                  </button>
                ))
              : null}
            {can(status, 'ban') ? (
              <button
                type="button"
                className="danger"
                data-action="ban"
                onClick={() => void act(`Ban ${user.displayName}`, { type: 'ban', ...base, reason: why })}
              >
                Ban
              </button>
            ) : null}
            {can(status, 'unban') ? (
              <button
                type="button"
                data-action="unban"
                onClick={() => void act(`Unban ${user.displayName}`, { type: 'unban', ...base })}
              >
                Unban
              </button>
            ) : null}
            {can(status, 'warn') ? (
              <button
                type="button"
                data-action="warn"
                disabled={!why}
                title={why ? 'Warn with the reason above' : 'Type a reason first'}
                onClick={() =>
                  why && void act(`Warn ${user.displayName}`, { type: 'warn', ...base, reason: why })
                }
              >
                Warn
              </button>
            ) : null}
            {can(status, 'mod') ? (
              <button
                type="button"
                data-action="mod"
                onClick={() => void act(`Mod ${user.displayName}`, { type: 'mod', ...base })}
              >
                Mod
              </button>
            ) : null}
            {can(status, 'unmod') ? (
              <button
                type="button"
                data-action="unmod"
                onClick={() => void act(`Unmod ${user.displayName}`, { type: 'unmod', ...base })}
              >
                Unmod
              </button>
            ) : null}
            {can(status, 'shoutout') ? (
              <button
                type="button"
                data-action="shoutout"
                onClick={() =>
                  void act(`Shoutout ${user.displayName}`, {
                    type: 'shoutout',
                    sourceId: user.sourceId,
                    login: user.login,
                  })
                }
              >
                Shoutout
              </button>
            ) : null}
          </div>
          {can(status, 'ipban') ? (
            <div className="row">
              <input
                placeholder="IP address to ban"
                aria-label="IP address to ban"
                value={address}
                maxLength={64}
                onChange={(event) => setAddress(event.target.value)}
              />
              <ConfirmButton
                className="danger"
                action="ipban"
                disabled={address.trim() === ''}
                question={`IP-ban ${address.trim()} on ${status?.label ?? user.sourceId}? Everyone on that address is locked out.`}
                confirmLabel="IP ban"
                onConfirm={() =>
                  void act(`IP ban ${address.trim()}`, {
                    type: 'ipban',
                    sourceId: user.sourceId,
                    address: address.trim(),
                  })
                }
              >
                IP ban…
              </ConfirmButton>
            </div>
          ) : null}
          <ScopeNotes scope={scope} className="card-notes" />
          <CardNotes
            key={`${user.sourceId}\u0000${user.userId}\u0000${info ? 'ready' : 'wait'}`}
            sourceId={user.sourceId}
            userId={user.userId}
            stored={info ? info.note : null}
          />
          <h3 className="small">Moderation</h3>
          <CardActions actions={info ? info.actions : null} label={label} />
          <CardHistory sourceId={user.sourceId} userId={user.userId} login={user.login} label={label} />
        </div>
      </div>
    </NoteScopeContext.Provider>
  );
}

/**
 * While the card is open, focus is inside it (first on its close button); when it closes, focus goes back to
 * what opened it (a chat line, a name). Returns the ref for the dialog element.
 */
function useFocusInside(open: boolean) {
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('button, input')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);
  return dialogRef;
}

/** Esc closes; Tab cycles inside the dialog (it is modal). */
function onDialogKey(event: KeyboardEvent<HTMLDivElement>, close: () => void): void {
  // A confirmation opened from the card handles its own keys.
  if ((event.target as HTMLElement).closest('[role="alertdialog"]')) return;
  if (event.key === 'Escape') {
    event.stopPropagation();
    close();
    return;
  }
  if (event.key !== 'Tab') return;
  const focusable = [
    ...event.currentTarget.querySelectorAll<HTMLElement>(
      'button:not(:disabled), input:not(:disabled), textarea:not(:disabled), summary, a[href]',
    ),
  ];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}
