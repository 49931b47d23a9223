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
} as const;
