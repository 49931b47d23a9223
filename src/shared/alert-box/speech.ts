import type { Alert, MessagePart } from '../events';
import type { TtsSettings } from './settings';
import { SPOKEN_ALERT_TYPES } from './types';

export type SpeechDecision = { speak: true; text: string } | { speak: false; reason: SkipReason };

export type SkipReason =
  | 'off'
  | 'type'
  | 'no-message'
  | 'below-minimum'
  | 'emote-only'
  | 'nothing-to-read'
  | 'too-long'
  | 'banned-word';

/** A bare URL inside plain text (services do not always mark links): scheme, `www.` or a domain with a TLD. */
const URL_TOKEN =
  /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}(?:[/:?#]\S*)?)$/iu;

function stripUrls(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => !URL_TOKEN.test(word.replace(/^[("'<]+|[)"'>,.!?;:]+$/g, '')))
    .join(' ');
}

interface Readable {
  text: string;
  hadEmotes: boolean;
}

/** What would be read: text and mentions; emotes and cheermotes never; links only when allowed. */
function readableText(parts: MessagePart[], skipLinks: boolean): Readable {
  let hadEmotes = false;
  const pieces: string[] = [];
  for (const part of parts) {
    if (part.type === 'emote' || part.type === 'cheer') hadEmotes = true;
    else if (part.type === 'link') {
      if (!skipLinks) pieces.push(part.text);
    } else pieces.push(skipLinks ? stripUrls(part.text) : part.text);
  }
  return { text: pieces.join(' ').replace(/\s+/g, ' ').trim(), hadEmotes };
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

/** Whole words (or whole multi-word phrases), case-insensitive; checked against everything the viewer wrote. */
export function containsBannedWord(text: string, banned: readonly string[]): boolean {
  if (banned.length === 0) return false;
  const joined = ` ${wordsOf(text).join(' ')} `;
  return banned.some((entry) => {
    const phrase = wordsOf(entry).join(' ');
    return phrase.length > 0 && joined.includes(` ${phrase} `);
  });
}

function belowMinimum(alert: Alert, tts: TtsSettings): boolean {
  if (alert.alertType === 'cheer') return (alert.bits ?? 0) < tts.minBits;
  if (alert.alertType === 'donation') {
    const value = Number(alert.amount?.value);
    return !Number.isFinite(value) || value < tts.minDonation;
  }
  return false;
}

/** Whether an alert's viewer message is read aloud, and exactly what is read. Pure; see the README (section Alerts). */
export function decideSpeech(alert: Alert, tts: TtsSettings): SpeechDecision {
  if (!tts.enabled) return { speak: false, reason: 'off' };
  const spoken: readonly string[] = SPOKEN_ALERT_TYPES;
  if (!spoken.includes(alert.alertType) || !tts.types.includes(alert.alertType as never))
    return { speak: false, reason: 'type' };
  if (!alert.message || alert.message.length === 0) return { speak: false, reason: 'no-message' };
  if (belowMinimum(alert, tts)) return { speak: false, reason: 'below-minimum' };
  const everything = alert.message.map((part) => part.text).join(' ');
  if (containsBannedWord(everything, tts.bannedWords)) return { speak: false, reason: 'banned-word' };
  const readable = readableText(alert.message, tts.skipLinks);
  if (readable.text.length === 0) {
    if (readable.hadEmotes && tts.skipEmoteOnly) return { speak: false, reason: 'emote-only' };
    if (!readable.hadEmotes) return { speak: false, reason: 'nothing-to-read' };
  }
  const text = readable.text.length > 0 ? readable.text : everything.replace(/\s+/g, ' ').trim();
  if (text.length > tts.maxLength) return { speak: false, reason: 'too-long' };
  return { speak: true, text };
}
