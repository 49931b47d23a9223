/**
 * Connection errors in plain words. Sources report the raw error (`getaddrinfo ENOTFOUND irc-ws.chat.twitch.tv`,
 * `socket closed (code 1006)`, …); the console shows this text first and keeps the raw error one click away.
 */

export interface PlainError {
  /** What happened and what to do, for a moderator mid-stream. */
  text: string;
  /** The error exactly as the source reported it. */
  raw: string;
}

const SERVICE_NAMES = new Map<string, string>([
  ['twitch', 'Twitch'],
  ['chatkc', 'ChatKC'],
  ['streamlabs', 'Streamlabs'],
  ['streamelements', 'StreamElements'],
  ['demo', 'the demo chat'],
]);

/** The service's name for messages (`Twitch`); a provider this table does not know is "the service". */
export function serviceName(provider: string): string {
  return SERVICE_NAMES.get(provider) ?? 'the service';
}

/** Patterns tried in order; the first that matches the raw error wins. `{s}` is the service name. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo/i, "Can't reach {s} — check your internet connection"],
  [/ENETUNREACH|EHOSTUNREACH|ENETDOWN/i, "Can't reach {s} — check your internet connection"],
  [
    /ECONNREFUSED/,
    '{s} refused the connection — the service may be down, or the address in Settings is wrong',
  ],
  [
    /CERT_|certificate|self[- ]signed|unable to verify/i,
    "{s}'s certificate was not accepted — a proxy or antivirus may be intercepting the connection",
  ],
  [/login expired|log in again|login-needed/i, 'Your {s} login expired — log in again (Account tab)'],
  [
    /rejected the login|Login authentication failed|unauthori[sz]ed|\b401\b|invalid token/i,
    '{s} rejected the login — log in again (Account tab)',
  ],
  [
    /timed out|ETIMEDOUT|no answer|within \d+ ?m?s|pong/i,
    "{s} didn't answer in time — the connection may be slow or blocked",
  ],
  [
    /ECONNRESET|EPIPE|socket hang up|code 100[0-9]|socket closed|connection lost/i,
    'The connection to {s} dropped',
  ],
  [/\b5\d\d\b|Unexpected server response/i, '{s} is having trouble (server error) — OnAir keeps retrying'],
];

/** The plain-words version of a source's raw error; the raw text itself when no rule knows it. */
export function plainConnectionError(raw: string, provider: string): PlainError {
  const service = serviceName(provider);
  for (const [pattern, text] of RULES)
    if (pattern.test(raw)) return { text: text.replaceAll('{s}', service), raw };
  return { text: raw, raw };
}
