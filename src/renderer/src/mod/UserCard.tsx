import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { formatClock, formatDuration } from '../common/format';
import { MessageParts } from '../common/MessageParts';
import { safeNameColor } from '../common/safe';
import { useModStore } from '../store/store-context';
import { ConfirmButton } from './ConfirmButton';
import { ScopeNotes } from './ActionNotes';
import { readableNameColor } from '../common/readable-color';
import { timeoutButtonName } from './spoken-duration';
import { can, NoteScopeContext, useAct } from './use-actions';

const RECENT_SHOWN = 20;

/** Click a name: that user's messages in this session, roles, and every action the source allows. */
export function UserCard() {
  const user = useModStore((state) => state.selectedUser);
  const close = useModStore((state) => state.openUser);
  const messages = useModStore((state) => state.messages);
  const status = useModStore((state) =>
    state.selectedUser ? state.statuses[state.selectedUser.sourceId] : undefined,
  );
  const presets = useModStore((state) => state.timeoutPresets);
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
  const removedCount = theirs.filter((m) => m.removed).length;

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
            <span className="muted">
              {theirs.length} message{theirs.length === 1 ? '' : 's'} this session
              {removedCount > 0 ? `, ${removedCount} removed` : ''} · {status?.label ?? user.sourceId}
            </span>
          </div>
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
          <div className="user-history" data-testid="user-history">
            {theirs.slice(-RECENT_SHOWN).map((message) => (
              <div
                key={message.id}
                className={message.removed ? 'user-history-line mod-line--removed' : 'user-history-line'}
              >
                <span className="mod-time">{formatClock(message.receivedAt)}</span>{' '}
                <MessageParts parts={message.parts} clickableLinks />
              </div>
            ))}
            {theirs.length === 0 ? (
              <div className="muted">No messages from this user in this session.</div>
            ) : null}
          </div>
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
      'button:not(:disabled), input:not(:disabled), a[href]',
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
