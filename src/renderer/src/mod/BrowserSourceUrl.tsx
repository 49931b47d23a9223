import type { ReactElement } from 'react';
import { CopyUrlField, useOverlayUrl } from './CopyUrlField';
import { overlayUrls } from './overlay-urls';

function MissingServer(): ReactElement {
  return (
    <p className="muted" data-testid="overlay-url-missing">
      No local overlay server is running (the port may be in use); use window capture, or change the port.
    </p>
  );
}

/** The overlay's OBS browser-source URL with a Copy button (the first-run guide's short form). */
export function BrowserSourceUrl({ compact = false }: { compact?: boolean }): ReactElement {
  const url = useOverlayUrl();
  if (url === undefined) return <p className="muted">Looking up the browser-source URL…</p>;
  if (url === null) return <MissingServer />;
  return (
    <CopyUrlField
      id="overlay-url"
      testId="overlay-url"
      label={compact ? 'Overlay URL' : 'OBS browser source'}
      url={url}
      hint="In OBS: Sources → + → Browser, paste this URL, width 400, height 700."
    />
  );
}

/** All three browser-source URLs: chat and alerts, chat only, alerts only (the alert box page). */
export function OverlayUrlList(): ReactElement {
  const url = useOverlayUrl();
  if (url === undefined) return <p className="muted">Looking up the browser-source URL…</p>;
  if (url === null) return <MissingServer />;
  const urls = overlayUrls(url);
  return (
    <div className="overlay-urls">
      <CopyUrlField
        id="overlay-url"
        testId="overlay-url"
        label="OBS browser source: chat and alerts"
        url={urls.chatAndAlerts}
        hint="In OBS: Sources → + → Browser, paste this URL, width 400, height 700."
      />
      <CopyUrlField
        testId="overlay-url-chat"
        label="Chat only"
        url={urls.chatOnly}
        hint="The chat without alerts: use it beside the alerts-only source."
      />
      <CopyUrlField
        testId="overlay-url-alerts"
        label="Alerts only (alert box with media, sound and text-to-speech)"
        url={urls.alertsOnly}
        hint="One alert at a time, centred: width 1920, height 1080, tick “Control audio via OBS”."
      />
    </div>
  );
}
