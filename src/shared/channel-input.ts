/**
 * What people paste into a "Twitch channel" field: `xqc`, `XQC`, `#xqc`, `@xqc`, `twitch.tv/xqc`,
 * `https://www.twitch.tv/xqc`, `https://m.twitch.tv/xqc/videos?filter=all`. All of them mean the login `xqc`.
 */

/** A Twitch login: 1–25 of a–z, 0–9 and `_` (Twitch logins are lower case). */
export const TWITCH_LOGIN = /^[a-z0-9_]{1,25}$/;

const TWITCH_HOST = /^(?:www\.|m\.|go\.)?twitch\.tv$/;

/** The first path segment of a twitch.tv address, or null when `text` is not one. */
function loginFromUrl(text: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!TWITCH_HOST.test(url.hostname.toLowerCase())) return null;
  const first = url.pathname.split('/').find((segment) => segment !== '');
  return first === undefined ? null : decodeURIComponent(first);
}

/**
 * The Twitch login a channel field's text names, or null when it names none. Accepts any case, a leading `#`
 * or `@`, and a twitch.tv address (with or without scheme, `www.` or `m.`).
 */
export function normalizeTwitchChannel(input: string): string | null {
  let text = input.trim();
  if (text.includes('/') || /twitch\.tv/i.test(text)) {
    const fromUrl = loginFromUrl(text);
    if (fromUrl === null) return null;
    text = fromUrl;
  }
  text = text.replace(/^[#@]/, '').toLowerCase();
  return TWITCH_LOGIN.test(text) ? text : null;
}

/** Why a channel field's text was refused, in words for the settings form. */
export const CHANNEL_HINT = 'a Twitch login like xqc, #xqc or https://www.twitch.tv/xqc';
