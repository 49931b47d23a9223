/**
 * The default highlight rules, without zod: the renderer's store starts from them, and importing the schema
 * (highlights.ts) would put zod into the overlay's bundle, whose parsers probe `new Function` — a CSP
 * violation on a page without 'unsafe-eval'.
 */
export const DEFAULT_MENTION_RULE = {
  id: 'mention',
  kind: 'mention' as const,
  pattern: '',
  color: '#e0455e',
  sound: false,
  showInPanel: true,
  caseSensitive: false,
  wholeWord: true,
  enabled: true,
};

/** Highlights before the settings arrive: mentions of the logged-in user, sounds on. */
export function defaultHighlights() {
  return { rules: [{ ...DEFAULT_MENTION_RULE }], muted: false };
}
