import { useEffect, useRef, useState } from 'react';
import { GLOBAL_HOTKEYS, LINE_HOTKEYS, isTypingTarget } from './hotkeys';

function HotkeyTable({ caption, rows }: { caption: string; rows: ReadonlyArray<[string, string]> }) {
  return (
    <table className="hotkeys">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([keys, what]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The `?` panel: every hotkey, and how the chat pauses. Opens with `?` anywhere outside a text field. */
export function HelpPanel() {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '?' || isTypingTarget(event.target)) return;
      event.preventDefault();
      returnTo.current = document.activeElement as HTMLElement | null;
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    returnTo.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        className="help-button"
        data-action="help"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={(event) => {
          returnTo.current = event.currentTarget;
          setOpen(true);
        }}
      >
        ?
      </button>
      {open ? (
        <div className="modal-backdrop" onClick={close}>
          <div
            className="modal help-panel"
            role="dialog"
            aria-modal="true"
            aria-labelledby="help-title"
            data-testid="help-panel"
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') close();
            }}
          >
            <header className="row">
              <h2 id="help-title">Keyboard shortcuts</h2>
              <span className="spacer" />
              <button type="button" ref={closeRef} onClick={close} aria-label="Close keyboard shortcuts">
                ✕
              </button>
            </header>
            <HotkeyTable
              caption="Chat list (one Tab stop; keys act on the selected line)"
              rows={LINE_HOTKEYS}
            />
            <HotkeyTable caption="Anywhere" rows={GLOBAL_HOTKEYS} />
            <p className="small muted">
              The chat stays live unless you pause it: scroll up, keep the pointer on the chat (pause on
              hover, can be turned off under the chat), move through lines with the keyboard, or open a
              line&apos;s ⋯ menu. “Jump to live” or Esc returns to the newest line.
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
