import { useEffect } from 'react';
import { useModStore } from '../store/store-context';

const TOAST_MS = 6000;

/** Outcome of every action: green done, amber 'local only', red with the service's error text. */
export function Toasts() {
  const toasts = useModStore((state) => state.toasts);
  const dismiss = useModStore((state) => state.dismissToast);
  const oldest = toasts[0];
  useEffect(() => {
    if (!oldest) return;
    const timer = setTimeout(() => dismiss(oldest.id), oldest.tone === 'error' ? TOAST_MS * 2 : TOAST_MS);
    return () => clearTimeout(timer);
  }, [oldest, dismiss]);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.tone}`}
          data-testid="toast"
          data-tone={toast.tone}
        >
          <span>{toast.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
