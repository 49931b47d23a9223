/**
 * The OBS browser-source URLs derived from the overlay URL the core serves (`…/overlay`): chat and alerts,
 * chat only, alerts only (the `/alerts` alert box: media, sound, text-to-speech), and a theme's URL.
 */
export interface OverlayUrls {
  chatAndAlerts: string;
  chatOnly: string;
  alertsOnly: string;
}

function withParams(base: string, params: Record<string, string>, path?: string): string {
  const url = new URL(base);
  if (path) url.pathname = path;
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

export function overlayUrls(overlayUrl: string): OverlayUrls {
  return {
    chatAndAlerts: overlayUrl,
    chatOnly: withParams(overlayUrl, { alerts: '0' }),
    alertsOnly: withParams(overlayUrl, {}, '/alerts'),
  };
}

/** The overlay with a theme in its URL, so it shows that theme whatever the saved setting says. */
export function themeUrl(overlayUrl: string, theme: string): string {
  return withParams(overlayUrl, { theme });
}
