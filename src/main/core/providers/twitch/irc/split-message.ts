/** Twitch's limit for one chat message, in characters (code points). */
export const MAX_MESSAGE_CHARS = 500;

/**
 * Split a long text into chunks of at most `max` code points, on word boundaries where possible (a single
 * longer word is cut). Spaces at the cut are dropped; nothing else is changed.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_CHARS): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < chars.length) {
    while (start < chars.length && chars[start] === ' ') start++;
    if (start >= chars.length) break;
    let end = Math.min(start + max, chars.length);
    if (end < chars.length && chars[end] !== ' ') {
      const lastSpace = chars.lastIndexOf(' ', end - 1);
      if (lastSpace > start) end = lastSpace;
    }
    const chunk = chars.slice(start, end).join('').trimEnd();
    if (chunk) chunks.push(chunk);
    start = end;
  }
  return chunks;
}
