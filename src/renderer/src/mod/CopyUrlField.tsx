import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useModBridge } from '../store/store-context';
import { copyText } from './copy-text';

/** The overlay URL the core serves: undefined while asking, null when no local server runs. */
export function useOverlayUrl(): string | null | undefined {
  const bridge = useModBridge();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    bridge.request('getOverlayUrl', undefined).then(
      (result) => setUrl(result.url),
      () => setUrl(null),
    );
  }, [bridge]);
  return url;
}

interface CopyUrlProps {
  label: string;
  url: string;
  hint: string;
  /** `data-testid` of the field; `data-action` of its button is `copy-<testId>`. */
  testId: string;
  id?: string;
}

/** A read-only URL (selects itself on focus) and a Copy button that says "Copied" only once the copy worked. */
export function CopyUrlField({ label, url, hint, testId, id }: CopyUrlProps): ReactElement {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  // Which URL the last copy was of: a new URL (another theme) is not the one copied.
  const [last, setLast] = useState<{ url: string; result: 'yes' | 'failed' } | null>(null);
  const copied = last?.url === url ? last.result : null;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (last === null) return;
    const timer = setTimeout(() => setLast(null), 2500);
    return () => clearTimeout(timer);
  }, [last]);

  const copy = async (): Promise<void> => {
    const ok = await copyText(url, input.current);
    setLast({ url, result: ok ? 'yes' : 'failed' });
  };
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className="row copy-row">
        <input
          id={inputId}
          ref={input}
          data-testid={testId}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          data-action={`copy-${testId}`}
          aria-label={`${copied === 'yes' ? 'Copied' : 'Copy'} ${label}`}
          onClick={() => void copy()}
        >
          {copied === 'yes' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      <span className="hint" role="status">
        {copied === 'failed' ? 'Copying was blocked: the URL is selected, press Ctrl+C (Cmd+C).' : hint}
      </span>
    </div>
  );
}
