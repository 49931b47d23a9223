import { notice } from './lines';

/** Per-connection memory of what a client sent (for the rate, slow-mode and duplicate rules). */
export interface SenderState {
  sent: number[];
  last: Map<string, { text: string; at: number }>;
}

export interface SenderContext {
  /** Broadcaster or moderator in the channel. */
  privileged: boolean;
  windowMs: number;
  slowSeconds: number;
  now: number;
}

/**
 * Twitch's rules for a PRIVMSG (docs/protocol-twitch.md §1.15): 500 characters, 20 (or 100 privileged) per
 * window, slow mode, identical text within the window. Returns the NOTICE line of a refusal, or null when the
 * line is accepted.
 */
export function checkSenderRules(
  state: SenderState,
  channel: string,
  text: string,
  ctx: SenderContext,
): string | null {
  const { now, privileged, windowMs, slowSeconds } = ctx;
  // msg-id invented [U]: Twitch documents no answer for over-long lines.
  if ([...text].length > 500) return notice(channel, 'msg_msgtoolong', 'Your message is too long.');
  state.sent = state.sent.filter((at) => now - at < windowMs);
  if (state.sent.length >= (privileged ? 100 : 20)) {
    return notice(
      channel,
      'msg_ratelimit',
      'Your message was not sent because you are sending messages too quickly.',
    );
  }
  const last = state.last.get(channel);
  if (!privileged && slowSeconds > 0 && last && now - last.at < slowSeconds * 1000) {
    const wait = Math.ceil((slowSeconds * 1000 - (now - last.at)) / 1000);
    return notice(
      channel,
      'msg_slowmode',
      `This room is in slow mode and you are sending messages too quickly. You will be able to talk again in ${wait} seconds.`,
    );
  }
  state.sent.push(now);
  state.last.set(channel, { text, at: now });
  if (!privileged && last && last.text === text && now - last.at < windowMs) {
    return notice(
      channel,
      'msg_duplicate',
      'Your message was not sent because it is identical to the previous one you sent, less than 30 seconds ago.',
    );
  }
  return null;
}
