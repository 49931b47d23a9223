import type { ChatMessage } from '../../../../shared/events';

/**
 * The chat search language (Ctrl/Cmd+F in the console), as Chatterino users know it: words and "quoted
 * phrases" the text must contain (any case), `from:login` (several: `from:a,b`), `is:first`, `is:returning`,
 * `is:mod`, `is:sub`, `is:vip`, `is:broadcaster`, `has:link`, `has:emote`, `has:mention`; `-` before any term
 * negates it. Every term must hold. An unknown operator is searched as plain text, so nothing typed is ignored.
 */

const IS_VALUES = ['first', 'returning', 'mod', 'sub', 'vip', 'broadcaster'] as const;
const HAS_VALUES = ['link', 'emote', 'mention'] as const;
export type IsValue = (typeof IS_VALUES)[number];
export type HasValue = (typeof HAS_VALUES)[number];

export type SearchTerm =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'from'; logins: string[]; negate: boolean }
  | { kind: 'is'; value: IsValue; negate: boolean }
  | { kind: 'has'; value: HasValue; negate: boolean };

export interface SearchQuery {
  terms: SearchTerm[];
}

/** Longer input is cut: a pasted wall of text must not make every keystroke scan megabytes. */
export const QUERY_MAX_CHARS = 500;
const TERMS_MAX = 32;

/** Splits on whitespace, keeping "quoted phrases" (an unclosed quote runs to the end) together. */
function tokens(input: string): Array<{ text: string; quoted: boolean; negate: boolean }> {
  const out: Array<{ text: string; quoted: boolean; negate: boolean }> = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of input.slice(0, QUERY_MAX_CHARS).matchAll(pattern)) {
    if (match[2] !== undefined) out.push({ text: match[2], quoted: true, negate: match[1] === '-' });
    else {
      const word = match[3];
      const negate = word.length > 1 && word.startsWith('-');
      out.push({ text: negate ? word.slice(1) : word, quoted: false, negate });
    }
  }
  return out;
}

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function operatorTerm(word: string, negate: boolean): SearchTerm | null {
  const colon = word.indexOf(':');
  if (colon <= 0) return null;
  const name = word.slice(0, colon).toLowerCase();
  const value = word.slice(colon + 1).toLowerCase();
  if (name === 'from') {
    const logins = value
      .split(',')
      .map((login) => login.replace(/^@/, ''))
      .filter(Boolean);
    return logins.length > 0 ? { kind: 'from', logins, negate } : null;
  }
  if (name === 'is' && isIn(IS_VALUES, value)) return { kind: 'is', value, negate };
  if (name === 'has' && isIn(HAS_VALUES, value)) return { kind: 'has', value, negate };
  return null;
}

export function parseQuery(input: string): SearchQuery {
  const terms: SearchTerm[] = [];
  for (const token of tokens(input)) {
    if (terms.length >= TERMS_MAX) break;
    const operator = token.quoted ? null : operatorTerm(token.text, token.negate);
    if (operator) terms.push(operator);
    else if (token.text.trim() !== '')
      terms.push({ kind: 'text', value: token.text.toLowerCase(), negate: token.negate });
  }
  return { terms };
}

function hasRole(message: ChatMessage, value: IsValue): boolean {
  const roles = message.author.roles;
  switch (value) {
    case 'first':
      return message.flags.firstMessage;
    case 'returning':
      return message.flags.returningChatter;
    case 'mod':
      return roles.includes('moderator');
    case 'sub':
      return roles.includes('subscriber') || roles.includes('founder');
    case 'vip':
      return roles.includes('vip');
    case 'broadcaster':
      return roles.includes('broadcaster');
  }
}

function termHolds(term: SearchTerm, message: ChatMessage, lowerText: string): boolean {
  switch (term.kind) {
    case 'text':
      return lowerText.includes(term.value);
    case 'from': {
      const login = message.author.login.toLowerCase();
      const name = message.author.displayName.toLowerCase();
      return term.logins.some((wanted) => wanted === login || wanted === name);
    }
    case 'is':
      return hasRole(message, term.value);
    case 'has':
      return message.parts.some((part) => part.type === term.value);
  }
}

export function matchesQuery(query: SearchQuery, message: ChatMessage): boolean {
  const lowerText = message.text.toLowerCase();
  return query.terms.every((term) => termHolds(term, message, lowerText) !== term.negate);
}

/** The lines that match, in order; all of them for an empty query. */
export function filterMessages(query: SearchQuery, messages: ChatMessage[]): ChatMessage[] {
  if (query.terms.length === 0) return messages;
  return messages.filter((message) => matchesQuery(query, message));
}
