import type { MessagePart } from '../../../../shared/events';

// Links (http/https only) and @mentions of ChatKC names ([A-Za-z0-9_], as the server allows).
const TOKEN = /(https?:\/\/[^\s<>"]+)|((?<![A-Za-z0-9_])@[A-Za-z0-9_]{1,32})/g;
const TRAILING_PUNCTUATION = /[.,!?;:)\]}'"]+$/;

function pushText(parts: MessagePart[], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.type === 'text') last.text += text;
  else parts.push({ type: 'text', text });
}

/** Splits plain (already unescaped) text into text / link / mention parts. */
export function splitMessageParts(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    pushText(parts, text.slice(cursor, start));
    const [whole, link, mention] = match;
    if (link) {
      const url = link.replace(TRAILING_PUNCTUATION, '');
      parts.push({ type: 'link', text: url, url });
      pushText(parts, link.slice(url.length));
    } else if (mention) {
      parts.push({ type: 'mention', text: mention, login: mention.slice(1) });
    }
    cursor = start + whole.length;
  }
  pushText(parts, text.slice(cursor));
  return parts;
}
