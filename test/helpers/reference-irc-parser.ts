/**
 * A plain IRCv3 line parser written for clarity, not speed: the reference the tuned parser (irc-parser.ts) is checked
 * against (test/unit/irc-parser-differential.test.ts). Rules: the tag block runs from '@' to the first space and
 * splits on ';'; a key ends at its first '=' (none = empty value); empty keys are dropped; a later duplicate wins;
 * the prefix runs from ':' to the next space; params split on spaces, one starting with ':' takes the rest; a
 * line with more than MAX_PARAMS params is malformed.
 */
export interface ReferenceLine {
  tags: Record<string, string> | null;
  prefix: string | null;
  command: string;
  params: string[];
}

/** The parser's bound (IRC itself allows 15). */
export const MAX_PARAMS = 64;

const ESCAPES: Record<string, string> = { s: ' ', ':': ';', '\\': '\\', r: '\r', n: '\n' };

function referenceUnescape(raw: string): string {
  return raw.replace(/\\(.?)/gs, (_, next: string) => ESCAPES[next] ?? next);
}

const trimStart = (text: string): string => text.replace(/^ +/, '');

export function referenceParse(line: string, ignoredTags: readonly string[] = []): ReferenceLine | null {
  let rest = line;
  let tags: Record<string, string> | null = null;
  if (rest.startsWith('@')) {
    const space = rest.indexOf(' ');
    if (space < 0) return null;
    tags = Object.create(null) as Record<string, string>;
    for (const item of rest.slice(1, space).split(';')) {
      const eq = item.indexOf('=');
      const key = eq < 0 ? item : item.slice(0, eq);
      if (key === '' || ignoredTags.includes(key)) continue;
      tags[key] = eq < 0 ? '' : referenceUnescape(item.slice(eq + 1));
    }
    rest = trimStart(rest.slice(space + 1));
  }
  let prefix: string | null = null;
  if (rest.startsWith(':')) {
    const space = rest.indexOf(' ');
    if (space < 0) return null;
    prefix = rest.slice(1, space);
    rest = trimStart(rest.slice(space + 1));
  }
  if (rest === '') return null;
  const space = rest.indexOf(' ');
  const command = space < 0 ? rest : rest.slice(0, space);
  rest = space < 0 ? '' : trimStart(rest.slice(space + 1));
  const params: string[] = [];
  while (rest !== '') {
    if (rest.startsWith(':')) {
      params.push(rest.slice(1));
      break;
    }
    const next = rest.indexOf(' ');
    if (next < 0) {
      params.push(rest);
      break;
    }
    params.push(rest.slice(0, next));
    rest = trimStart(rest.slice(next + 1));
  }
  return params.length > MAX_PARAMS ? null : { tags, prefix, command, params };
}
