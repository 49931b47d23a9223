import { z } from 'zod';
import { DEFAULT_MENTION_RULE } from './highlight-defaults';

export { DEFAULT_MENTION_RULE, defaultHighlights } from './highlight-defaults';

/**
 * Highlight rules of the mod console (issue 15): a line that mentions the logged-in user, contains a keyword or
 * comes from a chosen user gets a colour, optionally a sound and a place in the Highlights panel. Patterns are
 * plain words or phrases, never regular expressions: a moderator's pattern can then never backtrack
 * catastrophically on a hostile chat line, and needs no escaping.
 */

export const HIGHLIGHT_KINDS = ['mention', 'keyword', 'user'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** Longest pattern: a phrase, not a paragraph (matching cost stays small per line). */
export const HIGHLIGHT_PATTERN_MAX = 100;
export const HIGHLIGHT_RULES_MAX = 100;

export const highlightRuleSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(HIGHLIGHT_KINDS),
  /**
   * keyword: the word or phrase; user: a login; mention: extra names besides the logged-in login
   * (comma-separated, may be empty).
   */
  pattern: z.string().max(HIGHLIGHT_PATTERN_MAX).default(''),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour #rrggbb'),
  sound: z.boolean().default(false),
  showInPanel: z.boolean().default(true),
  caseSensitive: z.boolean().default(false),
  wholeWord: z.boolean().default(true),
  enabled: z.boolean().default(true),
});
export type HighlightRule = z.infer<typeof highlightRuleSchema>;

/** On by default: lines that mention the logged-in user. */

export const highlightSettingsSchema = z.object({
  rules: z
    .array(highlightRuleSchema)
    .max(HIGHLIGHT_RULES_MAX)
    .default(() => [{ ...DEFAULT_MENTION_RULE }]),
  /** Mutes every rule's sound at once. */
  muted: z.boolean().default(false),
});
export type HighlightSettings = z.infer<typeof highlightSettingsSchema>;
