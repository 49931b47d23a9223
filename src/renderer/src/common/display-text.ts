import type { MessagePart } from '../../../shared/events';

/**
 * Chat text made safe to lay out: it must stay inside its row. Done here, in the renderer's text path, rather
 * than in the core: every provider (IRC, EventSub, ChatKC, demo) and every stored snapshot goes through these
 * few functions, emote ranges (which index the original text) stay valid, and the core keeps the text exactly
 * as sent for search, the mod log and copying. Figures and examples: docs/overlay-css.md "Text that cannot
 * escape its row".
 */

/** Combining marks kept per base character: Vietnamese needs 2, pointed Hebrew 3; Zalgo stacks dozens. */
export const MAX_MARKS = 3;
/** Overlay message text (Twitch's own limit is 500 characters). */
export const OVERLAY_TEXT_CHARS = 500;
/** Mod console message text: above what Twitch and ChatKC accept (500), still a bounded row. */
export const MOD_TEXT_CHARS = 600;
/** Display names (Twitch allows 25, ChatKC 32). */
export const NAME_CHARS = 64;

const ELLIPSIS = '…';
/** A character from U+0300 up; text without one has no marks and no bidi controls (the quick path). */
const NOT_PLAIN = /[\u0300-\uffff]/;
/** Runs of nonspacing/enclosing marks and invisible format characters (ZWJ, CGJ …) that could hide a run. */
const MARK_RUN = /[\p{Mn}\p{Me}\p{Cf}]{4,}/gu;
const FORMAT = /\p{Cf}/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const PDF = '\u202c';
const PDI = '\u2069';

/** Keeps the first MAX_MARKS marks of each run (format characters stay: they draw nothing). */
export function clampMarks(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  return text.replace(MARK_RUN, (run) => {
    let marks = 0;
    let kept = '';
    for (const char of run) {
      if (FORMAT.test(char) || ++marks <= MAX_MARKS) kept += char;
    }
    return kept;
  });
}

/**
 * Makes explicit bidi controls self-contained: a PDF or PDI without an opener is dropped (a stray PDI would
 * close the isolate the browser puts around the element), and whatever is still open at the end is closed.
 */
export function balanceBidi(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  const open: string[] = [];
  const balanced = text.replace(BIDI_CONTROL, (char) => {
    if (char === PDF) {
      if (open.at(-1) !== PDF) return '';
      open.pop();
      return char;
    }
    if (char === PDI) {
      const isolate = open.lastIndexOf(PDI);
      if (isolate < 0) return '';
      open.length = isolate; // a PDI also ends the embeddings opened inside its isolate
      return char;
    }
    open.push(char >= '\u2066' ? PDI : PDF);
    return char;
  });
  return open.length === 0 ? balanced : balanced + open.reverse().join('');
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const end = max > 0 && /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/** A name or other single string: marks clamped, length capped with an ellipsis, bidi balanced. */
export function displayText(text: string, maxChars = NAME_CHARS): string {
  const clamped = clampMarks(text);
  const capped = clamped.length > maxChars ? cut(clamped, maxChars - 1) + ELLIPSIS : clamped;
  return balanceBidi(capped);
}

/**
 * Message parts as they may be drawn: every text clamped and balanced, and the whole message cut at
 * `maxChars` with an ellipsis (a part cut in the middle becomes plain text; an emote or link is not cut).
 */
export function displayParts(parts: readonly MessagePart[], maxChars: number): MessagePart[] {
  const out: MessagePart[] = [];
  let left = maxChars;
  for (const part of parts) {
    const text = clampMarks(part.text);
    if (text.length <= left) {
      const shown = balanceBidi(text);
      out.push(shown === part.text ? part : { ...part, text: shown });
      left -= text.length;
      continue;
    }
    const cutText = part.type === 'emote' || part.type === 'link' ? '' : cut(text, left);
    out.push({ type: 'text', text: balanceBidi(cutText) + ELLIPSIS });
    break;
  }
  return out;
}
