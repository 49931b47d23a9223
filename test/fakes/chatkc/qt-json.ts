/**
 * Serialises like Qt's `QJsonDocument::toJson()` (Indented), which the reference server uses for every frame:
 * 4-space indent, keys in sorted order, `"key": value`, empty containers split over two lines, non-ASCII
 * characters as raw UTF-8, and a trailing newline.
 */
export type QtJsonValue = string | number | boolean | null | QtJsonValue[] | { [key: string]: QtJsonValue };

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f]/g, (c) => {
    return SIMPLE_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

function write(value: QtJsonValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${write(item, inner)}`);
    return items.length === 0 ? `[\n${indent}]` : `[\n${items.join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).sort();
  const entries = keys.map((key) => `${inner}${quote(key)}: ${write(value[key] as QtJsonValue, inner)}`);
  return entries.length === 0 ? `{\n${indent}}` : `{\n${entries.join(',\n')}\n${indent}}`;
}

export function toQtJson(value: QtJsonValue): string {
  return `${write(value, '')}\n`;
}

/** One server frame `{type, data}` in the reference server's exact byte format. */
export function serverFrame(type: string, data: { [key: string]: QtJsonValue }): string {
  return toQtJson({ type, data });
}
