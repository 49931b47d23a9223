import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmButtonProps {
  /** Button text. */
  children: ReactNode;
  /** The question in the dialog, e.g. "Clear the whole chat of Twitch #x?" */
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  disabled?: boolean;
  className?: string;
  action?: string;
}

/** A button that asks before doing something hard to undo (clear chat, IP ban). */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className,
  action,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) confirmRef.current?.focus();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className={className}
        data-action={action}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {children}
      </button>
      {open ? (
        <div className="modal-backdrop" onClick={() => setOpen(false)}>
          <div
            className="modal confirm"
            role="alertdialog"
            aria-modal="true"
            data-testid="confirm-dialog"
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpen(false);
            }}
          >
            <p>{question}</p>
            <div className="row end">
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button
                type="button"
                ref={confirmRef}
                className="danger"
                data-action="confirm"
                onClick={() => {
                  setOpen(false);
                  onConfirm();
                }}
              >
                {confirmLabel}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
