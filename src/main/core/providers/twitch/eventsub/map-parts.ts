import type { MessagePart } from '../../../../../shared/events';
import { asObject, num, obj, str } from './fields';

/** Twitch emote CDN (docs/protocol-twitch.md §5); `default` picks animated when the emote has it. */
export function emoteUrl(id: string): string {
  return `https://static-cdn.jtvnw.net/emoticons/v2/${encodeURIComponent(id)}/default/dark/1.0`;
}

export function textParts(text: string | null): MessagePart[] | null {
  return text ? [{ type: 'text', text }] : null;
}

interface EmoteRange {
  begin: number;
  end: number;
  id: string;
}

function readRanges(emotes: unknown[], chars: string[]): EmoteRange[] {
  const ranges: EmoteRange[] = [];
  for (const item of emotes) {
    const emote = asObject(item);
    let begin = num(emote, 'begin');
    const end = num(emote, 'end');
    const id = str(emote, 'id');
    if (begin === null || end === null || !id || begin < 0 || end < begin || end >= chars.length) continue;
    // The Twitch CLI mock starts its ranges one early (on the space); an emote name never has whitespace.
    while (begin < end && /\s/.test(chars[begin]!)) begin += 1;
    ranges.push({ begin, end, id });
  }
  ranges.sort((a, b) => a.begin - b.begin);
  return ranges;
}

/**
 * `channel.subscription.message` text with `emotes[{begin,end,id}]` (inclusive ends, counted in code points
 * like IRC's `emotes` tag). Overlapping or out-of-range ranges are skipped, never thrown on.
 */
export function partsFromEmoteRanges(text: string, emotes: unknown[]): MessagePart[] | null {
  if (!text) return null;
  const chars = Array.from(text);
  const parts: MessagePart[] = [];
  let cursor = 0;
  for (const range of readRanges(emotes, chars)) {
    if (range.begin < cursor) continue;
    if (range.begin > cursor) parts.push({ type: 'text', text: chars.slice(cursor, range.begin).join('') });
    const name = chars.slice(range.begin, range.end + 1).join('');
    parts.push({ type: 'emote', text: name, id: range.id, url: emoteUrl(range.id) });
    cursor = range.end + 1;
  }
  if (cursor < chars.length) parts.push({ type: 'text', text: chars.slice(cursor).join('') });
  return parts;
}

/** EventSub `message.fragments` (automod, chat) → parts; unknown fragment types keep their text. */
export function partsFromFragments(fragments: unknown[]): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const item of fragments) {
    const fragment = asObject(item);
    const text = str(fragment, 'text');
    if (text === null) continue;
    const type = str(fragment, 'type');
    const emoteId = str(obj(fragment, 'emote'), 'id');
    const cheermote = obj(fragment, 'cheermote');
    if (type === 'emote' && emoteId) {
      parts.push({ type: 'emote', text, id: emoteId, url: emoteUrl(emoteId) });
    } else if (type === 'cheermote' && cheermote) {
      const bits = num(cheermote, 'bits') ?? 0;
      parts.push({ type: 'cheer', text, prefix: str(cheermote, 'prefix') ?? '', bits });
    } else if (type === 'mention') {
      const login = str(obj(fragment, 'mention'), 'user_login') ?? text.replace(/^@/, '').toLowerCase();
      parts.push({ type: 'mention', text, login });
    } else {
      parts.push({ type: 'text', text });
    }
  }
  return parts;
}
