import type { Alert, OnAirEvent, SourceRef } from '../../src/shared/events';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { createFrameProcessor } from '../../src/main/core/providers/twitch/eventsub/frame-processor';

/**
 * Twitch alert reports as the two transports deliver them: real-shaped IRC lines and EventSub notification
 * payloads (twitch.md; lines and events modelled on ../shared/corpora), for de-duplication tests.
 */
export const STREAMER = { id: '1001', login: 'streamer', name: 'Streamer' };
const B = {
  broadcaster_user_id: STREAMER.id,
  broadcaster_user_login: STREAMER.login,
  broadcaster_user_name: STREAMER.name,
};
const ANON_EVENT = { user_id: null, user_login: null, user_name: null };
const userEvent = (login: string) => ({
  user_id: `9${login.length}${login.charCodeAt(0)}`,
  user_login: login,
  user_name: login,
});

const tags = (id: string, rest: string): string =>
  `@badge-info=;badges=;color=;emotes=;flags=;id=${id};mod=0;room-id=${STREAMER.id};tmi-sent-ts=1700000000000;${rest}`;
const usernotice = (id: string, rest: string, text = ''): string =>
  `${tags(id, rest)} :tmi.twitch.tv USERNOTICE #${STREAMER.login}${text ? ` :${text}` : ''}`;
const person = (login: string): string => `display-name=${login};login=${login};user-id=7${login.length}`;

/** IRC lines (PRIVMSG with bits, USERNOTICE) by what they report. */
export const ircLine = {
  cheer: (id: string, login: string, bits: number): string =>
    `${tags(id, `bits=${bits};display-name=${login};user-id=7${login.length}`)} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #${STREAMER.login} :Cheer${bits} hype`,
  anonCheer: (id: string, bits: number): string =>
    `${tags(id, `bits=${bits};display-name=AnAnonymousCheerer;user-id=407665396`)} :ananonymouscheerer!ananonymouscheerer@ananonymouscheerer.tmi.twitch.tv PRIVMSG #${STREAMER.login} :Anon${bits}`,
  sub: (id: string, login: string): string =>
    usernotice(id, `${person(login)};msg-id=sub;msg-param-cumulative-months=1;msg-param-sub-plan=1000`),
  resub: (id: string, login: string, months: number): string =>
    usernotice(
      id,
      `${person(login)};msg-id=resub;msg-param-cumulative-months=${months};msg-param-sub-plan=1000`,
      'Love the stream!',
    ),
  giftBomb: (id: string, login: string | null, count: number): string =>
    usernotice(
      id,
      `${login ? person(login) : 'display-name=AnAnonymousGifter;login=ananonymousgifter;user-id=274598607'};msg-id=submysterygift;msg-param-mass-gift-count=${count};msg-param-origin-id=${id}-origin;msg-param-sub-plan=1000`,
    ),
  singleGift: (id: string, login: string, recipient: string): string =>
    usernotice(
      id,
      `${person(login)};msg-id=subgift;msg-param-months=1;msg-param-origin-id=${id}-origin;msg-param-recipient-display-name=${recipient};msg-param-recipient-user-name=${recipient.toLowerCase()};msg-param-sub-plan=1000`,
    ),
  raid: (id: string, login: string, viewers: number): string =>
    usernotice(
      id,
      `${person(login)};msg-id=raid;msg-param-displayName=${login};msg-param-login=${login};msg-param-viewerCount=${viewers}`,
    ),
  announcement: (id: string, login: string, text: string): string =>
    usernotice(id, `${person(login)};msg-id=announcement;msg-param-color=PRIMARY`, text),
};

/** EventSub notification events (type, version, event body) by what they report. */
export const eventSubEvent = {
  cheer: (login: string, bits: number) => ({
    type: 'channel.cheer',
    event: { ...B, is_anonymous: false, ...userEvent(login), message: `Cheer${bits} hype`, bits },
  }),
  anonCheer: (bits: number) => ({
    type: 'channel.cheer',
    event: { ...B, is_anonymous: true, ...ANON_EVENT, message: `Anon${bits}`, bits },
  }),
  sub: (login: string) => ({
    type: 'channel.subscribe',
    event: { ...B, ...userEvent(login), tier: '1000', is_gift: false },
  }),
  giftedSub: (recipient: string) => ({
    type: 'channel.subscribe',
    event: { ...B, ...userEvent(recipient.toLowerCase()), tier: '1000', is_gift: true },
  }),
  resub: (login: string, months: number) => ({
    type: 'channel.subscription.message',
    event: {
      ...B,
      ...userEvent(login),
      tier: '1000',
      message: { text: 'Love the stream!', emotes: null },
      cumulative_months: months,
      streak_months: null,
      duration_months: 1,
    },
  }),
  gift: (login: string | null, total: number) => ({
    type: 'channel.subscription.gift',
    event: {
      ...B,
      ...(login ? userEvent(login) : ANON_EVENT),
      total,
      tier: '1000',
      cumulative_total: null,
      is_anonymous: login === null,
    },
  }),
  raid: (login: string, viewers: number) => ({
    type: 'channel.raid',
    event: {
      from_broadcaster_user_id: '77',
      from_broadcaster_user_login: login,
      from_broadcaster_user_name: login,
      to_broadcaster_user_id: STREAMER.id,
      to_broadcaster_user_login: STREAMER.login,
      to_broadcaster_user_name: STREAMER.name,
      viewers,
    },
  }),
  redemption: (login: string, reward: string) => ({
    type: 'channel.channel_points_custom_reward_redemption.add',
    event: {
      ...B,
      id: `r-${reward}`,
      ...userEvent(login),
      user_input: '',
      status: 'unfulfilled',
      reward: { id: reward, title: reward, cost: 100, prompt: '' },
      redeemed_at: '2023-11-14T22:13:20Z',
    },
  }),
  follow: (login: string) => ({
    type: 'channel.follow',
    version: '2',
    event: { ...B, ...userEvent(login), followed_at: '2023-11-14T22:13:20Z' },
  }),
};

export type EventSubCase = { type: string; version?: string; event: object };

/** Maps IRC lines through the real mapper; alerts get the origin the IRC source stamps on them. */
export function createIrcReporter(ref: SourceRef, now: () => number): (raw: string) => Alert[] {
  const mapper = new IrcEventMapper();
  let n = 0;
  return (raw) => {
    const line = parseTwitchLine(raw);
    if (!line) throw new Error(`unparseable IRC line: ${raw.slice(0, 60)}`);
    const out: OnAirEvent[] = [];
    mapper.map(line, { ref, now: now(), localId: () => `l${++n}` }, (e) => out.push(e));
    const id = /(?:^@|;)id=([^;]+)/.exec(raw)?.[1] ?? '';
    return out
      .filter((e): e is Alert => e.kind === 'alert')
      .map((alert) => ({ ...alert, origin: { transport: 'irc' as const, eventId: id } }));
  };
}

/** Maps EventSub notifications through the real frame processor (message id → origin). */
export function createEventSubReporter(
  ref: SourceRef,
  now: () => number,
): (messageId: string, notification: EventSubCase) => Alert[] {
  const out: OnAirEvent[] = [];
  const clock = { now, setTimeout: () => undefined as never, clearTimeout: () => {} };
  const processor = createFrameProcessor({ resolveRef: () => ref, clock, emit: (e) => out.push(e) });
  return (messageId, { type, version = '1', event }) => {
    out.length = 0;
    processor.processRaw(
      JSON.stringify({
        metadata: {
          message_id: messageId,
          message_type: 'notification',
          message_timestamp: new Date(now()).toISOString(),
          subscription_type: type,
          subscription_version: version,
        },
        payload: { subscription: { id: `s-${type}`, type, version }, event },
      }),
    );
    return out.filter((e): e is Alert => e.kind === 'alert');
  };
}
