/**
 * Default values the views need before the core's snapshot arrives. Plain constants without zod, so the overlay
 * bundle does not carry the schema library; `settings.ts` uses the same values as its schema defaults.
 */
export const DEFAULT_TIMEOUT_PRESETS: readonly number[] = [1, 30, 60, 300, 1800, 3600, 86400, 604800];

export const DEFAULT_OVERLAY = {
  fadeSeconds: 0,
  maxLines: 40,
  hideCommands: false,
  hiddenUsers: ['nightbot', 'streamelements', 'moobot'] as readonly string[],
  showAlerts: true,
  clickThrough: true,
  // Look and readability (docs/overlay-css.md "Themes and readability").
  theme: 'default',
  textEffect: 'outline',
  links: 'show',
  maxMessageChars: 500,
} as const;

/** Overlay themes (`?theme=`), each with a live preview in the console's gallery. */
export const OVERLAY_THEMES = ['default', 'boxed', 'light', 'compact', 'large'] as const;
/** How chat text stands out from the scene: a crisp outline (default), a soft shadow, or nothing. */
export const TEXT_EFFECTS = ['outline', 'shadow', 'none'] as const;
/** Links in chat: as sent, shortened to their host, or replaced by "[link]". */
export const LINK_MODES = ['show', 'shorten', 'hide'] as const;
/** Bounds of the overlay's message length cap (Twitch's own limit is 500 characters). */
export const MESSAGE_CHARS_MIN = 20;
export const MESSAGE_CHARS_MAX = 500;
