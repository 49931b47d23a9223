import { lookupTable } from '../../../../shared/lookup';

/**
 * ChatKC text arrives HTML-escaped (chat) or as HTML (servermsg). It is turned into plain text here and
 * rendered as text later — never as HTML.
 */

/** Entity names come from chat (`&toString;` is a valid-looking name): a Map, never a prototype member. */
const NAMED = lookupTable({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' });
const MAX_CODE_POINT = 0x10ffff;

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid =
      Number.isFinite(code) && code > 0 && code <= MAX_CODE_POINT && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : entity;
  }
  return NAMED.get(body) ?? entity;
}

/** `&lt; &gt; &amp; &quot; &#39; &#x27;` … → characters, in one pass (so `&amp;lt;` stays `&lt;`). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, body: string) =>
    decodeEntity(entity, body),
  );
}

/** The server's "forever" ban (`Number.MAX_SAFE_INTEGER` seconds). */
const FOREVER = Number.MAX_SAFE_INTEGER;

function describeTimestamp(value: string): string {
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return value;
  if (seconds >= FOREVER) return 'forever';
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** `servermsg` HTML → plain text: `<br>` → newline, timestamps readable, other tags dropped, entities decoded. */
export function serverMessageToText(html: string): string {
  return unescapeHtml(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<span class=['"]timestamp['"]>\s*([0-9]+)\s*<\/span>/gi, (_all, value: string) =>
        describeTimestamp(value),
      )
      .replace(/<\/?[a-zA-Z][^<>]*>/g, ''),
  );
}
