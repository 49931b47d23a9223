import type { ChatMessage } from '../../../../shared/events';
import type { HighlightKind, HighlightRule } from '../../../../shared/highlights';

/** What a highlighted line shows and does: the first enabled rule that matches wins. */
export interface HighlightHit {
  ruleId: string;
  kind: HighlightKind;
  color: string;
  sound: boolean;
  showInPanel: boolean;
}

/** A rule ready to test lines: its needles already split, trimmed and case-folded. */
interface CompiledRule {
  hit: HighlightHit;
  needles: string[];
  caseSensitive: boolean;
  wholeWord: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD_CHAR.test(char);

/** The whole code point that ends at `at` (a surrogate pair counts as one letter), if any. */
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const unit = text.charCodeAt(at - 1);
  const start = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return text.slice(start, at);
}

function charAt(text: string, at: number): string | undefined {
  const point = text.codePointAt(at);
  return point === undefined ? undefined : String.fromCodePoint(point);
}

/**
 * Whether `needle` occurs in `text`, optionally as a whole word (not inside a longer word; letters of any
 * script count). Plain `indexOf`, no regular expression built from the pattern: linear in the line's length
 * for every pattern, whatever a moderator typed.
 */
export function containsWord(text: string, needle: string, wholeWord: boolean): boolean {
  if (needle === '') return false;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!wholeWord) return true;
    if (!isWordChar(charBefore(text, at)) && !isWordChar(charAt(text, at + needle.length))) return true;
  }
  return false;
}

const splitNames = (pattern: string): string[] =>
  pattern
    .split(',')
    .map((name) => name.trim().replace(/^@/, ''))
    .filter(Boolean);

function needlesOf(rule: HighlightRule, login: string | null): string[] {
  switch (rule.kind) {
    case 'mention':
      return [...(login ? [login] : []), ...splitNames(rule.pattern)];
    case 'user':
      return splitNames(rule.pattern).map((name) => name.toLowerCase());
    case 'keyword':
      return rule.pattern.trim() === '' ? [] : [rule.pattern.trim()];
  }
}

/** The enabled rules that can match anything, in order. `login` is the logged-in user (null when none). */
export function compileRules(rules: readonly HighlightRule[], login: string | null): CompiledRule[] {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const caseSensitive = rule.caseSensitive && rule.kind === 'keyword';
    const needles = needlesOf(rule, login).map((n) => (caseSensitive ? n : n.toLowerCase()));
    if (needles.length === 0) continue;
    const { id: ruleId, kind, color, sound, showInPanel } = rule;
    compiled.push({
      hit: { ruleId, kind, color, sound, showInPanel },
      needles,
      caseSensitive,
      wholeWord: rule.wholeWord,
    });
  }
  return compiled;
}

function ruleMatches(
  rule: CompiledRule,
  message: ChatMessage,
  lowerText: string,
  self: string | null,
): boolean {
  const { needles, wholeWord } = rule;
  switch (rule.hit.kind) {
    case 'user':
      return needles.includes(message.author.login.toLowerCase());
    case 'mention':
      // Your own lines never mention you: replies quoting your name would light up every line you send.
      if (self !== null && message.author.login.toLowerCase() === self) return false;
      return needles.some((name) => containsWord(lowerText, name, true));
    case 'keyword': {
      const text = rule.caseSensitive ? message.text : lowerText;
      return needles.some((needle) => containsWord(text, needle, wholeWord));
    }
  }
}

/** The first rule that matches the line, or null. */
export function matchRules(
  rules: readonly CompiledRule[],
  message: ChatMessage,
  login: string | null,
): HighlightHit | null {
  if (rules.length === 0) return null;
  const lowerText = message.text.toLowerCase();
  const self = login?.toLowerCase() ?? null;
  for (const rule of rules) if (ruleMatches(rule, message, lowerText, self)) return rule.hit;
  return null;
}
