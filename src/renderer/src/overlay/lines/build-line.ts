import type { ChatMessage } from '../../../../shared/events';
import { displayText } from '../../common/display-text';
import { applyLinkMode, lineNameColor, type LineLook } from '../line-look';
import { appendBadges, appendParts, element } from './dom-parts';

/** Fade-out takes the last second of a line's life; a finite animation, so an idle overlay paints nothing. */
const FADE_MS = 1000;

function lineClasses(message: ChatMessage): string {
  const classes = ['onair-line'];
  if (message.flags.action) classes.push('onair-line--action');
  if (message.flags.firstMessage) classes.push('onair-line--first');
  if (message.flags.highlighted) classes.push('onair-line--highlighted');
  if (message.flags.donation || message.flags.bits) classes.push('onair-line--paid');
  if (message.flags.notice) classes.push('onair-line--notice');
  return classes.join(' ');
}

/**
 * One overlay chat line (docs/overlay-css.md names its classes): service notice, demo mark, badges, name,
 * text. Built once when the line arrives; `expiresAt` (ms since epoch, null when lines never fade) starts
 * its fade-out animation then, so the animation's delay never moves afterwards.
 */
export function buildLine(message: ChatMessage, look: LineLook, expiresAt: number | null): HTMLElement {
  const line = element('div', lineClasses(message));
  line.dataset.testid = 'chat-line';
  line.dataset.messageId = message.id;
  line.dataset.sourceId = message.source.sourceId;
  // Issue 13.5–6: demo lines are marked; a notice's words come with the service's description above them.
  const demo = message.source.provider === 'demo';
  if (demo) line.dataset.demo = 'true';
  if (expiresAt !== null) {
    const style = line.style;
    style.animationName = 'onair-fade-out';
    style.animationDuration = `${FADE_MS}ms`;
    style.animationDelay = `${Math.max(0, expiresAt - Date.now() - FADE_MS)}ms`;
    style.animationFillMode = 'forwards';
    style.animationTimingFunction = 'linear';
  }
  const systemText = message.flags.notice?.systemText;
  if (systemText) {
    const notice = element('div', 'onair-notice-text', displayText(systemText, look.maxChars));
    notice.dir = 'auto';
    notice.dataset.testid = 'notice-text';
    line.append(notice);
  }
  if (demo) {
    const mark = element('span', 'onair-demo-mark', 'demo');
    mark.title = 'Demo chat: not a real viewer';
    line.append(mark);
  }
  appendBadges(line, message.author.badges);
  const color = lineNameColor(message.author.color, message.author.login, look);
  // Name and text are bidi-isolated (dir=auto): an RLO in either cannot reorder the ": " between them.
  const name = element('span', 'onair-name', displayText(message.author.displayName || message.author.login));
  name.dir = 'auto';
  name.style.color = color;
  const text = element('span', 'onair-text');
  text.dir = 'auto';
  if (message.flags.action) text.style.color = color;
  appendParts(text, applyLinkMode(message.parts, look.links), look.maxChars, look.emotePx);
  line.append(name, message.flags.action ? ' ' : ': ', text);
  return line;
}
