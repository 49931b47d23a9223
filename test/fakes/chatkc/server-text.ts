/** Text rules of the reference server: blank characters, HTML escaping, Qt date strings. */

// Invisible "blank" characters the real server turns into plain spaces before trimming.
const BLANK_RANGES: Array<[number, number]> = [
  [0x09, 0x09],
  [0xa0, 0xa0],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x202f, 0x202f],
  [0x205f, 0x2064],
  [0x206a, 0x206f],
  [0x2800, 0x2800],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];
const isBlank = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return BLANK_RANGES.some(([from, to]) => code >= from && code <= to);
};
export const blanksToSpaces = (text: string): string => [...text].map((c) => (isBlank(c) ? ' ' : c)).join('');

/** Qt's `QString::toHtmlEscaped()`: only `<`, `>`, `&` and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Qt's default `QDateTime::toString()`: `Sat Nov 21 19:03:58 2026 PST`. */
export function formatQtDate(seconds: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(seconds * 1000));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('month')} ${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('year')} ${get('timeZoneName')}`;
}
