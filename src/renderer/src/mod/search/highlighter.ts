import type { ChatMessage } from '../../../../shared/events';
import type { HighlightRule } from '../../../../shared/highlights';
import { messageKey } from '../../../../shared/removal';
import { compileRules, matchRules, type HighlightHit } from './highlight-rules';

/** Remembered results: a few times the console's 2,000 lines, so lines still shown are never re-matched. */
const CACHE_LIMIT = 8000;

/**
 * Matches each line once: the result is kept per line key for this set of rules and login. A removal or an
 * unban replaces the line object but not its text, so the key (not the object) is what is remembered. New rules
 * or a new login make a new Highlighter (see highlighterFor).
 */
export class Highlighter {
  private readonly compiled;
  private readonly cache = new Map<string, HighlightHit | null>();

  constructor(
    rules: readonly HighlightRule[],
    private readonly login: string | null,
  ) {
    this.compiled = compileRules(rules, login);
  }

  get active(): boolean {
    return this.compiled.length > 0;
  }

  hit(message: ChatMessage): HighlightHit | null {
    if (this.compiled.length === 0) return null;
    const key = messageKey(message);
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const hit = matchRules(this.compiled, message, this.login);
    this.cache.set(key, hit);
    if (this.cache.size > CACHE_LIMIT) {
      // Maps iterate in insertion order: the first keys are the oldest lines.
      for (const old of this.cache.keys()) {
        this.cache.delete(old);
        if (this.cache.size <= CACHE_LIMIT / 2) break;
      }
    }
    return hit;
  }
}

let current: { rules: readonly HighlightRule[]; login: string | null; highlighter: Highlighter } | null =
  null;

/** One Highlighter per rules object and login, shared by the chat list, the panel and the sound. */
export function highlighterFor(rules: readonly HighlightRule[], login: string | null): Highlighter {
  if (current?.rules !== rules || current.login !== login) {
    current = { rules, login, highlighter: new Highlighter(rules, login) };
  }
  return current.highlighter;
}
