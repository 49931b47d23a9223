/**
 * EventSub close codes (docs/protocol-twitch.md §2.3): what the user reads in the status line and the notice.
 */
const CLOSE_TEXT: Record<number, string> = {
  4000: 'Twitch EventSub internal server error',
  4001: 'Twitch EventSub closed the connection: the client sent inbound traffic',
  4002: 'Twitch EventSub closed the connection: ping/pong failed',
  4003: 'Twitch EventSub closed an unused connection (no subscription in time)',
  4004: 'Twitch EventSub reconnect grace time expired',
  4005: 'Twitch EventSub network timeout',
  4006: 'Twitch EventSub network error',
  4007: 'Twitch EventSub rejected the reconnect URL',
};

export function isEventSubCloseCode(code: number): boolean {
  return Object.hasOwn(CLOSE_TEXT, code);
}

export function describeClose(code: number, reason: string): string {
  const known = CLOSE_TEXT[code];
  if (known) return `${known} (${code})`;
  return reason ? `connection closed (${code}: ${reason})` : `connection closed (${code})`;
}
