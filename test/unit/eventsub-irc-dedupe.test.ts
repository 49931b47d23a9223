import { describe, expect, it } from 'vitest';
import type { Alert, OnAirEvent } from '../../src/shared/events';
import { alertDedupeKey } from '../../src/main/core/hub/alert-dedupe';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { createFrameProcessor } from '../../src/main/core/providers/twitch/eventsub/frame-processor';

/** The same real-world alert seen by IRC and by EventSub must give the hub the same de-duplication key. */
const ref = { sourceId: 'twitch:streamer', provider: 'twitch' as const, channel: 'streamer' };
const NOW = 1_700_000_000_000;
const B = { broadcaster_user_id: '1', broadcaster_user_login: 'streamer', broadcaster_user_name: 'Streamer' };

function ircAlert(raw: string): Alert {
  const line = parseTwitchLine(raw);
  if (!line) throw new Error('unparseable IRC line');
  const out: OnAirEvent[] = [];
  let n = 0;
  new IrcEventMapper().map(line, { ref, now: NOW, localId: () => `l${++n}` }, (e) => out.push(e));
  const alert = out.find((e): e is Alert => e.kind === 'alert');
  if (!alert) throw new Error(`no IRC alert for ${raw.slice(0, 60)}`);
  return alert;
}

function eventSubAlert(type: string, event: object): Alert {
  const out: OnAirEvent[] = [];
  const clock = { now: () => NOW, setTimeout: () => undefined as never, clearTimeout: () => {} };
  const processor = createFrameProcessor({ resolveRef: () => ref, clock, emit: (e) => out.push(e) });
  processor.processRaw(
    JSON.stringify({
      metadata: {
        message_id: `m-${type}`,
        message_type: 'notification',
        message_timestamp: new Date(NOW).toISOString(),
        subscription_type: type,
        subscription_version: '1',
      },
      payload: { subscription: { id: 's', type, version: '1' }, event },
    }),
  );
  const alert = out.find((e): e is Alert => e.kind === 'alert');
  if (!alert) throw new Error(`no EventSub alert for ${type}`);
  return alert;
}

const usernotice = (tags: string, text = '') =>
  `@badge-info=;badges=;color=;emotes=;id=n1;mod=0;room-id=1;system-msg=x;tmi-sent-ts=${NOW};${tags} :tmi.twitch.tv USERNOTICE #streamer${text ? ` :${text}` : ''}`;

describe('IRC and EventSub agree on alert de-duplication keys', () => {
  it('cheer', () => {
    const irc = ircAlert(
      `@badge-info=;badges=;bits=100;color=;display-name=Cool_User;emotes=;id=c1;room-id=1;tmi-sent-ts=${NOW};user-id=1234 :cool_user!cool_user@cool_user.tmi.twitch.tv PRIVMSG #streamer :Cheer100 nice`,
    );
    const es = eventSubAlert('channel.cheer', {
      ...B,
      is_anonymous: false,
      user_id: '1234',
      user_login: 'cool_user',
      user_name: 'Cool_User',
      message: 'Cheer100 nice',
      bits: 100,
    });
    expect(alertDedupeKey(es)).toBe(alertDedupeKey(irc));
  });

  it('anonymous cheer', () => {
    const irc = ircAlert(
      `@badge-info=;badges=;bits=250;color=;display-name=AnAnonymousCheerer;emotes=;id=c2;room-id=1;tmi-sent-ts=${NOW};user-id=407665396 :ananonymouscheerer!ananonymouscheerer@ananonymouscheerer.tmi.twitch.tv PRIVMSG #streamer :Anon250 hi`,
    );
    const es = eventSubAlert('channel.cheer', {
      ...B,
      is_anonymous: true,
      user_id: null,
      user_login: null,
      user_name: null,
      message: 'Anon250 hi',
      bits: 250,
    });
    expect(irc.user).toEqual({ id: null, login: null, displayName: 'Anonymous' });
    expect(alertDedupeKey(es)).toBe(alertDedupeKey(irc));
  });

  it('first sub and resub', () => {
    const user = { user_id: '1234', user_login: 'cool_user', user_name: 'Cool_User' };
    const ircSub = ircAlert(
      usernotice(
        'display-name=Cool_User;login=cool_user;msg-id=sub;msg-param-cumulative-months=1;msg-param-sub-plan=1000;user-id=1234',
      ),
    );
    const esSub = eventSubAlert('channel.subscribe', { ...B, ...user, tier: '1000', is_gift: false });
    expect(alertDedupeKey(esSub)).toBe(alertDedupeKey(ircSub));
    const ircResub = ircAlert(
      usernotice(
        'display-name=Cool_User;login=cool_user;msg-id=resub;msg-param-cumulative-months=15;msg-param-sub-plan=1000;user-id=1234',
        'Love the stream!',
      ),
    );
    const esResub = eventSubAlert('channel.subscription.message', {
      ...B,
      ...user,
      tier: '1000',
      message: { text: 'Love the stream!', emotes: null },
      cumulative_months: 15,
      streak_months: null,
      duration_months: 1,
    });
    expect(alertDedupeKey(esResub)).toBe(alertDedupeKey(ircResub));
  });

  it('gift bombs, named and anonymous', () => {
    const irc = ircAlert(
      usernotice(
        'display-name=Gifter;login=gifter;msg-id=submysterygift;msg-param-mass-gift-count=5;msg-param-sub-plan=1000;user-id=77',
      ),
    );
    const es = eventSubAlert('channel.subscription.gift', {
      ...B,
      user_id: '77',
      user_login: 'gifter',
      user_name: 'Gifter',
      total: 5,
      tier: '1000',
      cumulative_total: 20,
      is_anonymous: false,
    });
    expect(alertDedupeKey(es)).toBe(alertDedupeKey(irc));
    const ircAnon = ircAlert(
      usernotice(
        'display-name=AnAnonymousGifter;login=ananonymousgifter;msg-id=submysterygift;msg-param-mass-gift-count=3;msg-param-sub-plan=1000;user-id=274598607',
      ),
    );
    const esAnon = eventSubAlert('channel.subscription.gift', {
      ...B,
      user_id: null,
      user_login: null,
      user_name: null,
      total: 3,
      tier: '1000',
      cumulative_total: null,
      is_anonymous: true,
    });
    expect(alertDedupeKey(esAnon)).toBe(alertDedupeKey(ircAnon));
  });

  it('raid', () => {
    const irc = ircAlert(
      usernotice(
        'display-name=Raider;login=raider;msg-id=raid;msg-param-displayName=Raider;msg-param-login=raider;msg-param-viewerCount=44;user-id=9',
      ),
    );
    const es = eventSubAlert('channel.raid', {
      from_broadcaster_user_id: '9',
      from_broadcaster_user_login: 'raider',
      from_broadcaster_user_name: 'Raider',
      to_broadcaster_user_id: '1',
      to_broadcaster_user_login: 'streamer',
      to_broadcaster_user_name: 'Streamer',
      viewers: 44,
    });
    expect(alertDedupeKey(es)).toBe(alertDedupeKey(irc));
  });
});
