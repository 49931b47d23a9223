import { useEffect, useState, type ReactElement } from 'react';
import { useModBridge } from '../store/store-context';

/** The overlay's OBS browser-source URL, ready to copy (selected on focus: no clipboard permission needed). */
export function BrowserSourceUrl(): ReactElement {
  const bridge = useModBridge();
  const [url, setUrl] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    bridge.request('getOverlayUrl', undefined).then(
      (result) => setUrl(result.url),
      () => setUrl(null),
    );
  }, [bridge]);

  if (url === undefined) return <p className="muted">Looking up the browser-source URL…</p>;
  if (url === null)
    return (
      <p className="muted" data-testid="overlay-url-missing">
        No local overlay server is running (the port may be in use); use window capture, or change the port.
      </p>
    );
  return (
    <label className="field">
      OBS browser source (add a Browser source with this URL, e.g. 400 × 700)
      <input data-testid="overlay-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
    </label>
  );
}
