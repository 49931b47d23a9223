import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SECRET_PROTOCOL_PREFIX } from '../../shared/bridge-protocol';

/** Same policy as the CSP meta tags in src/renderer/*.html; sent as a header too. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://static-cdn.jtvnw.net https://d3aqoihi2n8ty8.cloudfront.net https://cdn.betterttv.net https://cdn.frankerfacez.com https://cdn.7tv.app",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Web-font hosts that OBS custom CSS may load from on the OBS pages (/overlay, /alerts): Google Fonts
 * (stylesheets from fonts.googleapis.com, files from fonts.gstatic.com) and Bunny Fonts (both from
 * fonts.bunny.net). Documented in docs/overlay-css.md "Web fonts in OBS custom CSS"; nothing else is loaded.
 */
export const WEB_FONT_STYLESHEET_HOSTS = ['https://fonts.googleapis.com', 'https://fonts.bunny.net'];
export const WEB_FONT_FILE_HOSTS = ['https://fonts.gstatic.com', 'https://fonts.bunny.net'];

/** The OBS pages' policy: the same, plus web fonts from the hosts above (as in overlay.html, alerts.html). */
export const OBS_PAGE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self' 'unsafe-inline'",
  `style-src 'self' 'unsafe-inline' ${WEB_FONT_STYLESHEET_HOSTS.join(' ')}; ` +
    `font-src 'self' data: ${WEB_FONT_FILE_HOSTS.join(' ')}`,
);

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Headers of the pages OBS shows, whose custom CSS may bring web fonts. */
export const OBS_PAGE_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': OBS_PAGE_CONTENT_SECURITY_POLICY,
};

export function createSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The origins a page served by this server can have. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Host header check against DNS rebinding: only our loopback names with our port. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Pulls `secret.<value>` out of a Sec-WebSocket-Protocol header. */
export function secretFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const value = part.trim();
    if (value.startsWith(SECRET_PROTOCOL_PREFIX)) return value.slice(SECRET_PROTOCOL_PREFIX.length);
  }
  return undefined;
}
