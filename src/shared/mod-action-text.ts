import { shortDuration } from './duration-words';
import type { ModLogEntry } from './events';

/** One moderation-log entry as people say it; used by the log, the user card and the CSV export alike. */
export interface ModActionText {
  /** "deleted 'that boss fight was insane' from PixelPirate", "timed out PixelPirate for 30 min". */
  summary: string;
  reason: string | null;
}

const QUOTE_MAX = 80;
/** Control characters and bidirectional overrides: service text must not reorder or break the line it is in. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Service text made safe to put inside a sentence: one line, no direction overrides, bounded. */
export function inlineText(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

/** Legacy entries kept the timeout in `detail` as "1800s" or "1800s — reason". */
function legacyTimeout(detail: string | undefined): { seconds?: number; reason?: string } {
  const match = /^(\d{1,8})s(?: — ([\s\S]*))?$/.exec(detail ?? '');
  if (!match) return {};
  return { seconds: Number(match[1]), reason: match[2] || undefined };
}

const MODE_NAMES: ReadonlyMap<string, string> = new Map([
  ['emoteonly', 'emote-only'],
  ['followers', 'followers-only'],
  ['slow', 'slow mode'],
  ['subscribers', 'subscribers-only'],
  ['uniquechat', 'unique chat'],
]);

const FIXED: ReadonlyMap<string, string> = new Map([
  ['clear', 'cleared the chat'],
  ['clearChat', 'cleared the chat'],
  ['announce', 'sent an announcement'],
  ['userConf', 'changed their chat name or colour'],
  ['unraid', 'cancelled the raid'],
]);

const ABOUT_USER: ReadonlyMap<string, (who: string) => string> = new Map([
  ['ban', (who: string) => `banned ${who}`],
  ['unban', (who: string) => `unbanned ${who}`],
  ['untimeout', (who: string) => `lifted the timeout of ${who}`],
  ['warn', (who: string) => `warned ${who}`],
  ['mod', (who: string) => `made ${who} a moderator`],
  ['unmod', (who: string) => `removed ${who} as moderator`],
  ['vip', (who: string) => `made ${who} a VIP`],
  ['unvip', (who: string) => `removed ${who} as VIP`],
  ['shoutout', (who: string) => `gave ${who} a shoutout`],
  ['raid', (who: string) => `raided ${who}`],
  ['ipban', (who: string) => `IP-banned ${who}`],
]);

/** The one formatter for every kind of moderation entry (ours, and other moderators' seen on the service). */
export function describeModAction(entry: ModLogEntry): ModActionText {
  const subject = entry.subject ?? {};
  const legacy = entry.action === 'timeout' ? legacyTimeout(entry.detail) : {};
  const ours = entry.target.startsWith('message ') || legacy.seconds !== undefined;
  const who = inlineText(subject.displayName ?? subject.login ?? entry.target, 40) || 'someone';
  const detail = entry.detail === undefined ? undefined : inlineText(entry.detail, 200);
  const reasonText = subject.reason ?? legacy.reason ?? (ours ? undefined : detail);
  const reason = reasonText ? inlineText(reasonText, 200) : null;
  const action = entry.action;
  const fixed = FIXED.get(action);
  if (fixed) return { summary: fixed, reason: null };
  if (action === 'delete')
    return { summary: `deleted ${messageText(entry, subject.messageText, detail)}`, reason: null };
  if (action === 'keepOffStream')
    return { summary: `kept ${messageText(entry, subject.messageText, undefined)} off stream`, reason: null };
  if (action === 'timeout') {
    const spoken = shortDuration(subject.seconds ?? legacy.seconds ?? 0);
    return { summary: spoken ? `timed out ${who} for ${spoken}` : `timed out ${who}`, reason };
  }
  const user = ABOUT_USER.get(action);
  if (user) return { summary: user(who), reason: action === 'ban' || action === 'warn' ? reason : null };
  if (action === 'automod')
    return {
      summary: `${detail === 'approve' ? 'approved' : 'denied'} a message AutoMod held`,
      reason: null,
    };
  if (action === 'chatModes')
    return { summary: `changed chat modes (${modesText(entry.detail)})`, reason: null };
  const mode = modeText(action, detail);
  if (mode) return { summary: mode, reason: null };
  const words = inlineText(action.replaceAll('_', ' '), 40);
  return { summary: entry.target ? `${words} ${who}` : words, reason: detail ?? null };
}

/** "'that boss fight was insane' from PixelPirate", or "a message" when neither is known. */
function messageText(entry: ModLogEntry, known: string | undefined, detail: string | undefined): string {
  const fromLogin = entry.subject?.displayName ?? entry.subject?.login;
  const byId = entry.target.startsWith('message ');
  // Service entries (EventSub) name the author in `target` and carry the message body in `detail`.
  const text = known ?? (byId ? undefined : detail);
  const from = fromLogin ?? (byId ? undefined : entry.target);
  const what = text === undefined ? 'a message' : `'${inlineText(text)}'`;
  return from ? `${what} from ${inlineText(from, 40)}` : what;
}

/** `emoteonly` → "turned emote-only on", `slowoff` → "turned slow mode off", with "(30 s)" when known. */
function modeText(action: string, detail: string | undefined): string | null {
  const off = action.endsWith('off');
  const name = MODE_NAMES.get(off ? action.slice(0, -3) : action);
  if (!name) return null;
  return `turned ${name} ${off ? 'off' : 'on'}${!off && detail ? ` (${detail})` : ''}`;
}

/** Our chatModes entries keep the patch as JSON; anything else is shown as the text it is. */
function modesText(detail: string | undefined): string {
  let modes: unknown;
  try {
    modes = JSON.parse(detail ?? '');
  } catch {
    return inlineText(detail ?? '');
  }
  if (!modes || typeof modes !== 'object') return inlineText(detail ?? '');
  const said = Object.entries(modes as Record<string, unknown>).map(([key, value]) =>
    modeSetting(key, value),
  );
  return said.join(', ');
}

function modeSetting(key: string, value: unknown): string {
  const name =
    key === 'emoteOnly'
      ? 'emote-only'
      : key === 'subsOnly'
        ? 'subscribers-only'
        : key === 'uniqueChat'
          ? 'unique chat'
          : key === 'slowSeconds'
            ? 'slow mode'
            : key === 'followersOnlyMinutes'
              ? 'followers-only'
              : inlineText(key, 30);
  if (typeof value === 'boolean') return `${name} ${value ? 'on' : 'off'}`;
  if (value === null || value === 0) return `${name} off`;
  if (typeof value !== 'number') return `${name} ${inlineText(String(value), 30)}`;
  const seconds = key === 'followersOnlyMinutes' ? value * 60 : value;
  return `${name} ${shortDuration(seconds) || value}`;
}

/** "PixelPirate timed out BobbyBuilds for 30 min — spam": the whole line as one string (CSV, search). */
export function modActionLine(entry: ModLogEntry): string {
  const { summary, reason } = describeModAction(entry);
  return `${inlineText(entry.actor, 40)} ${summary}${reason ? ` — ${reason}` : ''}`;
}
