import type { MessagePart } from '../../../../shared/events';
import { findDemoEmote } from './emotes';

const MENTION = /^@([A-Za-z0-9_]{1,25})$/;
const LINK = /^https?:\/\/[^\s]+$/;
const CHEER = /^(Cheer)(\d{1,6})$/i;
const TRAILING_PUNCTUATION = /[,.!?:;]+$/;

/** One word as a special part, or null when it is plain text. */
function specialPart(word: string): MessagePart | null {
  const emote = findDemoEmote(word);
  if (emote) return { type: 'emote', text: word, id: emote.id, url: emote.url };
  const mention = MENTION.exec(word);
  if (mention?.[1]) return { type: 'mention', text: word, login: mention[1].toLowerCase() };
  if (LINK.test(word)) return { type: 'link', text: word, url: word };
  const cheer = CHEER.exec(word);
  if (cheer?.[1] && cheer[2]) return { type: 'cheer', text: word, prefix: cheer[1], bits: Number(cheer[2]) };
  return null;
}

/**
 * Splits demo text into parts: bundled emotes by exact name, `@mentions` (trailing punctuation stays text),
 * links and `CheerN`. Everything else is merged into text parts, so concatenating the parts gives the text back.
 */
export function parseDemoText(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer) parts.push({ type: 'text', text: buffer });
    buffer = '';
  };
  for (const token of text.split(/(\s+)/)) {
    const core = token.startsWith('@') ? token.replace(TRAILING_PUNCTUATION, '') : token;
    const part = token.trim() ? specialPart(core) : null;
    if (!part) {
      buffer += token;
      continue;
    }
    flush();
    parts.push(part);
    buffer = token.slice(core.length);
  }
  flush();
  return parts;
}

export function bitsInParts(parts: MessagePart[]): number {
  return parts.reduce((sum, part) => sum + (part.type === 'cheer' ? part.bits : 0), 0);
}
