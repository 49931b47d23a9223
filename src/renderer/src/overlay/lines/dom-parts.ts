import type { Badge, EmotePart, MessagePart } from '../../../../shared/events';
import { badgeSrcSet } from '../../common/badge-images';
import { badgeLabel } from '../../common/badge-label';
import { displayParts } from '../../common/display-text';
import { emoteAspect, emoteSrcSet, stackEmotes } from '../../common/emote-images';
import { safeImageUrl } from '../../common/safe';

/*
 * The overlay's badges and message parts built as DOM nodes, for the chat lines (lines/chat-view.ts). The same
 * markup as common/MessageParts.tsx draws with React in the console and alert cards; the overlay builds it
 * directly because a line is created once and never re-rendered, and bench:peer measured React's per-line
 * work as the page's largest JavaScript cost (docs/performance.md, "Levers tried"). Text is only ever
 * a text node; URLs pass the same checks (common/safe.ts).
 */

/** An element with its class and, when given, its text (always as text). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * One emote image with every size in `srcset` and its box reserved, or its name as text. `sizes` is the width
 * the emote is drawn at (its height × aspect), so the browser picks the file for that width × device pixel
 * ratio. Eager, not `loading="lazy"` with `sizes="auto"`: lazy loading cost the overlay p50 33 → 12–14 ms and
 * p99 ~190 → ~125 ms at 1,000 msg/s with emotes (bench:latency --emotes), and every overlay line is in view.
 */
function emoteNode(part: EmotePart, zeroWidth: boolean, emotePx: number): Node {
  const src = safeImageUrl(part.url);
  if (!src) return document.createTextNode(part.text);
  const img = element('img', zeroWidth ? 'onair-emote onair-emote--zero-width' : 'onair-emote');
  const aspect = emoteAspect(part);
  const srcSet = emoteSrcSet(part);
  if (srcSet) {
    img.sizes = `${Math.ceil(emotePx * (aspect ?? 1))}px`;
    img.srcset = srcSet;
  }
  img.src = src;
  if (aspect !== undefined) img.style.setProperty('--onair-emote-aspect', String(aspect));
  img.alt = part.text;
  img.title = part.text;
  img.dataset.provider = part.provider ?? 'twitch';
  if (part.animated) img.dataset.animated = '';
  return img;
}

/**
 * A message's parts, display-capped at `maxChars`; zero-width emotes stacked over the emote before them.
 * `emotePx`: the height emotes are drawn at (lines/emote-size.ts).
 */
export function appendParts(
  parent: Element,
  parts: readonly MessagePart[],
  maxChars: number,
  emotePx: number,
): void {
  for (const part of stackEmotes(displayParts(parts, maxChars))) {
    switch (part.type) {
      case 'emote':
        parent.append(emoteNode(part, false, emotePx));
        break;
      case 'stack': {
        const stack = element('span', 'onair-emote-stack');
        stack.append(
          emoteNode(part.base, false, emotePx),
          ...part.overlays.map((layer) => emoteNode(layer, true, emotePx)),
        );
        parent.append(stack);
        break;
      }
      case 'link':
        parent.append(element('span', 'onair-link', part.text));
        break;
      case 'mention':
        parent.append(element('span', 'onair-mention', part.text));
        break;
      case 'cheer':
        parent.append(element('span', 'onair-cheer', part.text));
        break;
      default:
        parent.append(part.text);
    }
  }
}

function badgePill(badge: Badge): HTMLElement {
  const pill = element('span', 'onair-badge onair-badge--text', badgeLabel(badge));
  pill.dataset.badge = badge.setId;
  pill.title = badge.title;
  return pill;
}

/** The image in a fixed 18 px box; if it cannot load (CDN down, offline), the readable pill takes its place. */
function badgeNode(badge: Badge): HTMLElement {
  const src = safeImageUrl(badge.imageUrl);
  if (!src) return badgePill(badge);
  const img = element('img', 'onair-badge onair-badge--image');
  img.dataset.badge = badge.setId;
  img.src = src;
  const srcSet = badgeSrcSet(badge);
  if (srcSet) img.srcset = srcSet;
  img.width = 18;
  img.height = 18;
  img.alt = badge.title;
  img.title = badge.title;
  img.decoding = 'async';
  img.addEventListener('error', () => img.replaceWith(badgePill(badge)), { once: true });
  return img;
}

/** The author's badges in one box; nothing when there are none. */
export function appendBadges(parent: Element, badges: readonly Badge[]): void {
  if (badges.length === 0) return;
  const box = element('span', 'onair-badges');
  for (const badge of badges) box.append(badgeNode(badge));
  parent.append(box);
}
