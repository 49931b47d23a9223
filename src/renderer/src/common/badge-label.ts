import type { Badge } from '../../../shared/events';
import { lookupTable } from '../../../shared/lookup';

/**
 * Words for the pills shown when a badge has no image (not logged in to Twitch, ChatKC). Keyed by the service's
 * badge set id, so a Map: `badges=__proto__/1` once returned Object.prototype here, which React cannot render,
 * and blanked the view.
 */
const BADGE_WORDS = lookupTable({
  broadcaster: 'Broadcaster',
  moderator: 'Moderator',
  vip: 'VIP',
  subscriber: 'Subscriber',
  founder: 'Founder',
  staff: 'Staff',
  admin: 'Admin',
  global_mod: 'Global mod',
  partner: 'Verified',
  premium: 'Prime',
  turbo: 'Turbo',
  artist: 'Artist',
  'artist-badge': 'Artist',
  no_audio: 'No audio',
  no_video: 'No video',
  'bits-leader': 'Bits leader',
  'sub-gifter': 'Sub gifter',
  'sub-gift-leader': 'Gift leader',
  'hype-train': 'Hype train',
  moments: 'Moments',
});

/** Sets whose version is a number worth reading: `bits/1000` → "Bits 1000". */
const NUMBERED = lookupTable({ bits: 'Bits', 'bits-leader': 'Bits leader', 'sub-gifter': 'Sub gifter' });

/** Longest pill text; longer names are cut after a whole word (never mid-word) with an ellipsis. */
export const MAX_LABEL_CHARS = 24;

/** A set id in words: `clip-champ_2024` → "Clip champ 2024". */
function idInWords(setId: string): string {
  const words = setId.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : setId;
}

/** Cuts at the last whole word that fits; a single over-long word is kept whole (it is still a word). */
export function clampWords(text: string, max = MAX_LABEL_CHARS): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const words = text.trim().split(/\s+/);
  let out = words[0];
  let kept = 1;
  for (const word of words.slice(1)) {
    if (Array.from(`${out} ${word}`).length > max - 1) break;
    out = `${out} ${word}`;
    kept += 1;
  }
  return kept < words.length ? `${out}…` : out;
}

function knownLabel(badge: Badge): string | undefined {
  const { setId, version, info } = badge;
  if ((setId === 'subscriber' || setId === 'founder') && info && /^\d{1,4}$/.test(info)) {
    return `${BADGE_WORDS.get(setId)} ${info} mo`;
  }
  if (setId === 'predictions') {
    // `predictions/blue-1`, `pink-2`, `gray-1`: the colour of the side predicted.
    const colour = /^([a-z]+)-\d+$/.exec(version)?.[1];
    return colour ? `Predictions: ${colour}` : 'Predictions';
  }
  const numbered = NUMBERED.get(setId);
  if (numbered !== undefined) return /^\d{1,9}$/.test(version) ? `${numbered} ${version}` : numbered;
  return BADGE_WORDS.get(setId);
}

/**
 * The words on a badge pill: a known set's readable label ("Subscriber 24 mo", "Bits 1000", "No audio"),
 * else the badge's title (the catalogue's, or the source's), else the set id in words.
 */
export function badgeLabel(badge: Badge): string {
  const label = knownLabel(badge) ?? (badge.title.trim() || idInWords(badge.setId));
  return clampWords(label);
}
