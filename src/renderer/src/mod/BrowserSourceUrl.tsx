import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useModBridge } from '../store/store-context';
import { copyText } from './copy-text';

/** The overlay's OBS browser-source URL with a Copy button (the field also selects itself on focus). */
export function BrowserSourceUrl({ compact = false }: { compact?: boolean }): ReactElement {
  const bridge = useModBridge();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    bridge.request('getOverlayUrl', undefined).then(
      (result) => setUrl(result.url),
      () => setUrl(null),
    );
  }, [bridge]);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  if (url === undefined) return <p className="muted">Looking up the browser-source URL…</p>;
  if (url === null)
    return (
      <p className="muted" data-testid="overlay-url-missing">
        No local overlay server is running (the port may be in use); use window capture, or change the port.
      </p>
    );
  const copy = async (): Promise<void> => setCopied((await copyText(url, input.current)) ? 'yes' : 'failed');
  return (
    <div className="field">
      <label htmlFor="overlay-url">{compact ? 'Overlay URL' : 'OBS browser source'}</label>
      <div className="row copy-row">
        <input
          id="overlay-url"
          ref={input}
          data-testid="overlay-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" data-action="copy-overlay-url" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      <span className="hint" role="status">
        {copied === 'failed'
          ? 'Copying was blocked: the URL is selected, press Ctrl+C (Cmd+C).'
          : 'In OBS: Sources → + → Browser, paste this URL, width 400, height 700.'}
      </span>
    </div>
  );
}
