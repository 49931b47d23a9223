import type { FakeModerationEvent } from './twitch-api';
import {
  DEFAULT_FAKE_USERS,
  startFakeTwitchApi,
  type FakeTwitchApi,
  type FakeTwitchApiOptions,
} from './twitch-api';
import { startFakeTwitchIrc, type FakeTwitchIrc } from './twitch-irc-server';
import { numericId } from './twitch-irc/lines';
import { EMOTES_OFF } from '../helpers/offline-emotes';

/**
 * The fake Twitch "world": the fake API (OAuth, Helix, EventSub) and the fake IRC server, linked the way Twitch
 * links them: IRC accepts the tokens the API minted, and what a moderator does through Helix shows up in chat
 * (CLEARCHAT / CLEARMSG) and as EventSub AutoMod updates.
 */
export interface TwitchWorld {
  api: FakeTwitchApi;
  irc: FakeTwitchIrc;
  /** The user id both fakes use for a login (IRC `user-id`/`room-id` = Helix/EventSub ids). */
  userId(login: string): string;
  /** AutoMod holds a chatter's message: Helix knows it and EventSub announces it (automod.message.hold v2). */
  holdForAutoMod(broadcasterLogin: string, messageId: string, senderLogin: string, text: string): void;
  /** Settings fragment pointing OnAir at these fakes. */
  settings: {
    twitch: { clientId: string };
    endpoints: Record<string, string>;
    emotes: typeof EMOTES_OFF;
  };
  close(): Promise<void>;
}

export async function startTwitchWorld(options: FakeTwitchApiOptions = {}): Promise<TwitchWorld> {
  // One id per login across both fakes, as on Twitch (the IRC fake derives ids from logins).
  const users = DEFAULT_FAKE_USERS.map((user) => ({ ...user, id: numericId(user.login) }));
  const api = await startFakeTwitchApi({ users, ...options });
  // IRC looks tokens up as `tokens[token]`; answer from the API's live token table.
  const tokens = new Proxy({} as Record<string, string>, {
    get: (_target, token) => {
      if (typeof token !== 'string') return undefined;
      const auth = api.store.authorize({ authorization: `Bearer ${token}`, 'client-id': api.clientId });
      return auth.ok ? auth.token.login : undefined;
    },
  });
  const irc = await startFakeTwitchIrc({ tokens });
  const held = new Map<string, HeldMessage>();
  const unlink = api.onModeration((event) => mirrorModeration(api, irc, held, event));
  return {
    api,
    irc,
    userId: (login) => api.store.usersByLogin.get(login)?.id ?? numericId(login),
    holdForAutoMod: (broadcasterLogin, messageId, senderLogin, text) => {
      api.holdAutoModMessage(broadcasterLogin, messageId, senderLogin);
      const message: HeldMessage = { broadcasterLogin, senderLogin, text, heldAt: new Date().toISOString() };
      held.set(messageId, message);
      api.eventSub.notify('automod.message.hold', automodPayload(api, messageId, message), { version: '2' });
    },
    settings: {
      twitch: { clientId: api.clientId },
      emotes: EMOTES_OFF,
      endpoints: {
        twitchIrc: irc.url,
        twitchEventSub: api.eventSubWsUrl,
        twitchHelix: api.helixBase,
        twitchOAuth: api.oauthBase,
      },
    },
    close: async () => {
      unlink();
      await irc.stop();
      await api.close();
    },
  };
}

interface HeldMessage {
  broadcasterLogin: string;
  senderLogin: string;
  text: string;
  heldAt: string;
}

/** The automod.message.* v2 event body (docs/protocol-twitch.md §2.8). */
function automodPayload(api: FakeTwitchApi, messageId: string, held: HeldMessage): Record<string, unknown> {
  const broadcaster = api.store.usersByLogin.get(held.broadcasterLogin);
  const sender = api.store.usersByLogin.get(held.senderLogin);
  return {
    broadcaster_user_id: broadcaster?.id,
    broadcaster_user_login: broadcaster?.login,
    broadcaster_user_name: broadcaster?.displayName,
    user_id: sender?.id,
    user_login: sender?.login,
    user_name: sender?.displayName,
    message_id: messageId,
    message: {
      text: held.text,
      fragments: [{ type: 'text', text: held.text, cheermote: null, emote: null }],
    },
    reason: 'automod',
    automod: { category: 'swearing', level: 3, boundaries: [{ start_pos: 0, end_pos: 2 }] },
    blocked_term: null,
    held_at: held.heldAt,
  };
}

function loginOf(api: FakeTwitchApi, userId: string): string {
  return api.store.usersById.get(userId)?.login ?? userId;
}

/** What Twitch's chat and EventSub show after a Helix moderation call. */
function mirrorModeration(
  api: FakeTwitchApi,
  irc: FakeTwitchIrc,
  held: Map<string, HeldMessage>,
  event: FakeModerationEvent,
): void {
  const now = Date.now();
  if (event.type === 'ban' || event.type === 'delete' || event.type === 'clear') {
    const channel = loginOf(api, event.broadcasterId);
    const room = `room-id=${event.broadcasterId};tmi-sent-ts=${now}`;
    if (event.type === 'ban') {
      const duration = event.durationSeconds ? `ban-duration=${event.durationSeconds};` : '';
      const target = `${duration}${room};target-user-id=${event.userId}`;
      irc.inject(channel, `@${target} :tmi.twitch.tv CLEARCHAT #${channel} :${loginOf(api, event.userId)}`);
    } else if (event.type === 'delete') {
      irc.inject(
        channel,
        `@login=;${room};target-msg-id=${event.messageId} :tmi.twitch.tv CLEARMSG #${channel} :`,
      );
    } else {
      irc.inject(channel, `@${room} :tmi.twitch.tv CLEARCHAT #${channel}`);
    }
  }
  if (event.type === 'automod') {
    const message = held.get(event.messageId);
    const moderator = api.store.usersById.get(event.moderatorId);
    if (!message) return;
    api.eventSub.notify(
      'automod.message.update',
      {
        ...automodPayload(api, event.messageId, message),
        moderator_user_id: event.moderatorId,
        moderator_user_login: moderator?.login,
        moderator_user_name: moderator?.displayName,
        status: event.action === 'ALLOW' ? 'approved' : 'denied',
      },
      { version: '2' },
    );
  }
}
