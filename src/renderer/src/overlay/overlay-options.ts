import type { ChatMessage } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import {
  LINK_MODES,
  MESSAGE_CHARS_MAX,
  MESSAGE_CHARS_MIN,
  OVERLAY_THEMES,
  TEXT_EFFECTS,
} from '../../../shared/settings-defaults';

export type OverlayTheme = (typeof OVERLAY_THEMES)[number];
export type TextEffect = (typeof TEXT_EFFECTS)[number];
export type LinkMode = (typeof LINK_MODES)[number];

/** What the OBS user may put in the browser-source URL; each field overrides the app's setting. */
export interface OverlayQuery {
  fadeSeconds?: number;
  maxLines?: number;
  showAlerts?: boolean;
  /** `chat=0`: alerts only. */
  showChat?: boolean;
  hideCommands?: boolean;
  /** Added to the app's hidden users. */
  hiddenUsers: string[];
  theme?: OverlayTheme;
  /** Font size in px. */
  fontSize?: number;
  textEffect?: TextEffect;
  links?: LinkMode;
  maxMessageChars?: number;
}

function numberParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : undefined;
}

function boolParam(params: URLSearchParams, name: string): boolean | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

/** The value when it is one of `allowed`, else undefined (the setting applies). */
function oneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = params.get(name);
  return allowed.find((value) => value === raw);
}

/**
 * `?fade=30&max=20&theme=boxed&alerts=0&chat=1&commands=0&hide=bot1,bot2&size=22&effect=outline&links=shorten
 * &chars=200`
 */
export function parseOverlayQuery(search: string): OverlayQuery {
  const params = new URLSearchParams(search);
  const commands = boolParam(params, 'commands');
  return {
    fadeSeconds: numberParam(params, 'fade', 0, 3600),
    maxLines: numberParam(params, 'max', 1, 200),
    showAlerts: boolParam(params, 'alerts'),
    showChat: boolParam(params, 'chat'),
    hideCommands: commands === undefined ? undefined : !commands,
    hiddenUsers: (params.get('hide') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name.length > 0 && name.length <= 64),
    theme: oneOf(params, 'theme', OVERLAY_THEMES),
    fontSize: numberParam(params, 'size', 8, 96),
    textEffect: oneOf(params, 'effect', TEXT_EFFECTS),
    links: oneOf(params, 'links', LINK_MODES),
    maxMessageChars: numberParam(params, 'chars', MESSAGE_CHARS_MIN, MESSAGE_CHARS_MAX),
  };
}

export interface EffectiveOverlayOptions {
  fadeSeconds: number;
  maxLines: number;
  showAlerts: boolean;
  showChat: boolean;
  hideCommands: boolean;
  hiddenUsers: Set<string>;
  theme: OverlayTheme;
  textEffect: TextEffect;
  links: LinkMode;
  maxMessageChars: number;
}

export function effectiveOptions(
  settings: Settings['overlay'],
  query: OverlayQuery,
): EffectiveOverlayOptions {
  return {
    fadeSeconds: query.fadeSeconds ?? settings.fadeSeconds,
    maxLines: Math.round(query.maxLines ?? settings.maxLines),
    showAlerts: query.showAlerts ?? settings.showAlerts,
    showChat: query.showChat ?? true,
    hideCommands: query.hideCommands ?? settings.hideCommands,
    hiddenUsers: new Set([...settings.hiddenUsers.map((name) => name.toLowerCase()), ...query.hiddenUsers]),
    // A snapshot from an older core may lack these: fall back to the defaults rather than undefined.
    theme: query.theme ?? settings.theme ?? 'default',
    textEffect: query.textEffect ?? settings.textEffect ?? 'outline',
    links: query.links ?? settings.links ?? 'show',
    maxMessageChars: Math.round(query.maxMessageChars ?? settings.maxMessageChars ?? MESSAGE_CHARS_MAX),
  };
}

/** The overlay root's classes: the text effect is one class on the root, so it costs nothing per line. */
export function overlayRootClass(options: Pick<EffectiveOverlayOptions, 'textEffect'>): string {
  return `onair-overlay onair-effect--${options.textEffect}`;
}

/**
 * Elements the overlay may use in total (docs/performance.md: ≤ 300); the alert and the frame take the rest.
 */
export const LINE_NODE_BUDGET = 270;

/** Elements one line renders: line, name, text wrapper, badges, emotes and links. */
export function lineNodeCost(message: ChatMessage): number {
  let cost = 3 + (message.author.badges.length > 0 ? 1 + message.author.badges.length : 0);
  for (const part of message.parts) if (part.type !== 'text') cost += 1;
  return cost;
}

/**
 * The lines the overlay shows now, oldest first: not removed, not filtered, not faded out, at most `maxLines`,
 * and pruned from the oldest end until the element budget holds whatever the chat rate.
 */
export function visibleLines(
  messages: ChatMessage[],
  options: EffectiveOverlayOptions,
  now: number,
): ChatMessage[] {
  const picked: ChatMessage[] = [];
  let budget = LINE_NODE_BUDGET;
  const oldestAllowed = options.fadeSeconds > 0 ? now - options.fadeSeconds * 1000 : -Infinity;
  for (let i = messages.length - 1; i >= 0 && picked.length < options.maxLines; i--) {
    const message = messages[i];
    if (message.receivedAt <= oldestAllowed) break;
    if (message.removed) continue;
    if (options.hiddenUsers.has(message.author.login.toLowerCase())) continue;
    if (options.hideCommands && message.text.startsWith('!')) continue;
    budget -= lineNodeCost(message);
    if (budget < 0) break;
    picked.push(message);
  }
  return picked.reverse();
}
