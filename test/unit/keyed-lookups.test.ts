import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../src/shared/api';
import type { Alert, ChatMessage, OnAirEvent } from '../../src/shared/events';
import { lookupTable, ownValue } from '../../src/shared/lookup';
import { alertPriority } from '../../src/main/core/alerts/alert-queue';
import { unescapeHtml } from '../../src/main/core/providers/chatkc/html-text';
import { statusNotice } from '../../src/main/core/providers/chatkc/levels';
import { RequestQueue } from '../../src/main/core/providers/chatkc/requests';
import { parseDemoText } from '../../src/main/core/providers/demo/message-parts';
import { ChatSender } from '../../src/main/core/providers/twitch/irc/chat-sender';
import { IrcEventMapper } from '../../src/main/core/providers/twitch/irc/irc-mapper';
import { toBadges } from '../../src/main/core/providers/twitch/irc/map-chat';
import { parseTwitchLine } from '../../src/main/core/providers/twitch/irc/irc-parser';
import { obj, str } from '../../src/main/core/providers/twitch/eventsub/fields';
import { createFrameProcessor } from '../../src/main/core/providers/twitch/eventsub/frame-processor';
import { badgeLabel } from '../../src/renderer/src/common/badge-label';
import { alertHeadline } from '../../src/renderer/src/common/alert-text';
import { safeNameColor } from '../../src/renderer/src/common/safe';
import { removedLabel } from '../../src/renderer/src/mod/removed-label';
import { FakeClock } from '../helpers/fake-clock';

/**
 * Issue 10.2: every lookup keyed by service data, fed the keys a plain object answers from Object.prototype.
 * Each assertion failed before the tables became Maps / own-property reads (noted per test).
 */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
const ref = { sourceId: 'twitch:test', provider: 'twitch' as const, channel: 'test' };

describe('lookupTable / ownValue', () => {
  it('find only what was put in', () => {
    const table = lookupTable({ a: 1 });
    const record = JSON.parse('{"a":1,"__proto__":{"x":1}}') as object;
    for (const key of HOSTILE_KEYS) {
      expect(table.get(key)).toBeUndefined();
      expect(table.has(key)).toBe(false);
      if (key !== '__proto__') expect(ownValue(record, key)).toBeUndefined();
    }
    expect(table.get('a')).toBe(1);
    // JSON.parse makes `__proto__` an own property: that is the payload's own data, and readable as such.
    expect(ownValue(record, '__proto__')).toEqual({ x: 1 });
    expect(ownValue(null, 'a')).toBeUndefined();
  });
});

describe('Twitch IRC badges (map-chat BADGE_TITLES)', () => {
  it.each(HOSTILE_KEYS)('badge set %s gets a string title', (key) => {
    // Before: `__proto__` got Object.prototype as its title, `toString` a function.
    const [badge] = toBadges([{ setId: key, version: '1' }], []);
    expect(typeof badge.title).toBe('string');
    expect(JSON.parse(JSON.stringify(badge))).toEqual(badge);
  });

  it('a whole line with hostile badges maps to a chat message that survives JSON', () => {
    const raw =
      '@badges=__proto__/1,constructor/1,toString/1,hasOwnProperty/1;display-name=Eve;id=m1;user-id=5 ' +
      ':eve!eve@eve.tmi.twitch.tv PRIVMSG #test :hello';
    const line = parseTwitchLine(raw);
    const out: OnAirEvent[] = [];
    new IrcEventMapper().map(line!, { ref, now: 1, localId: () => 'l' }, (event) => out.push(event));
    const chat = out[0] as ChatMessage;
    expect(chat.author.badges.map((badge) => badge.setId)).toEqual([...HOSTILE_KEYS]);
    for (const badge of chat.author.badges) expect(typeof badge.title).toBe('string');
    expect(JSON.parse(JSON.stringify(chat))).toEqual(chat);
  });
});

describe('Twitch IRC send refusals (chat-sender SEND_ERRORS)', () => {
  it.each(HOSTILE_KEYS)('NOTICE msg-id %s is an unknown refusal, not a prototype member', async (key) => {
    const clock = new FakeClock();
    const sender = new ChatSender('test', {
      ref,
      clock,
      write: () => true,
      emit: () => {},
      login: () => 'me',
      localId: () => 'l',
    });
    const result = sender.send({ sourceId: ref.sourceId, text: 'hi' });
    expect(sender.refuse(key, '')).toBe(true);
    // Before: `constructor` spread Object into the result: no `ok`, no `code`.
    expect(await result).toEqual({ ok: false, code: 'rejected', message: key });
  });
});

describe('ChatKC status codes (levels STATUS_NOTICES, requests STATUS_ERRORS)', () => {
  it.each(HOSTILE_KEYS)('status %s reads as an unknown status', (key) => {
    expect(statusNotice(key)).toEqual({ level: 'info', text: `ChatKC status: ${key}` });
  });

  it.each(HOSTILE_KEYS)('status %s does not fail the request in flight', async (key) => {
    const queue = new RequestQueue(new FakeClock(), 500, () => {});
    const results: ActionResult[] = [];
    const done = queue
      .submit('chat', { type: 'message', data: { text: 'hi', reply: 0 } })
      .then((r) => results.push(r));
    queue.onStatus(key); // before: `constructor` settled it as failed with Object as the error code
    queue.onOwnChat(); // the server's echo of our line: published
    queue.onAccepted();
    await done;
    expect(results).toEqual([{ ok: true, local: false }]);
  });
});

describe('ChatKC HTML entities (html-text NAMED)', () => {
  it('named entities that are prototype members stay as written', () => {
    // Before: `&toString;` became "function toString() { [native code] }".
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__']) {
      expect(unescapeHtml(`a &${name}; b`)).toBe(`a &${name}; b`);
    }
    expect(unescapeHtml('&lt;b&gt; &amp;amp;')).toBe('<b> &amp;');
  });
});

describe('EventSub channel.moderate actions (map-moderate REMOVAL_ACTIONS, MODE_ACTIONS; fields)', () => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const moderate = (action: string): OnAirEvent[] => {
    const events: OnAirEvent[] = [];
    const clock = { now: () => NOW, setTimeout: () => undefined as never, clearTimeout: () => {} };
    const processor = createFrameProcessor({
      resolveRef: (login) => ({ sourceId: `twitch:${login}`, provider: 'twitch', channel: login }),
      clock,
      emit: (e) => events.push(e),
    });
    const event = {
      broadcaster_user_id: '1',
      broadcaster_user_login: 'streamer',
      moderator_user_login: 'mod_a',
      action,
    };
    processor.processRaw(
      JSON.stringify({
        metadata: {
          message_id: `m-${action}`,
          message_type: 'notification',
          message_timestamp: '2026-03-01T11:59:59Z',
          subscription_type: 'channel.moderate',
          subscription_version: '2',
        },
        payload: { subscription: { id: 's', type: 'channel.moderate', version: '2' }, event },
      }),
    );
    return events;
  };

  it.each(HOSTILE_KEYS)('action %s is only a mod-log line (no removal, no mode change)', (key) => {
    // Before: each of these was taken for a removal or mode action and the notification dropped as malformed.
    const events = moderate(key);
    expect(events.map((e) => e.kind)).toEqual(['modlog']);
    expect(events[0]).toMatchObject({ kind: 'modlog', entry: { action: key, target: '' } });
  });

  it('field readers see own properties only', () => {
    const payload = JSON.parse('{"a":"x"}') as Record<string, unknown>;
    for (const key of HOSTILE_KEYS) {
      expect(obj(payload, key)).toBeNull(); // before: `__proto__` read as Object.prototype
      expect(str(payload, key)).toBeNull();
    }
  });
});

describe('alert types (alert-queue PRIORITY, renderer headline)', () => {
  const alert = (alertType: string): Alert =>
    ({
      kind: 'alert',
      id: 'a',
      source: ref,
      alertType,
      user: { id: null, login: null, displayName: 'Ada' },
      message: null,
      serverTime: 0,
      receivedAt: 0,
    }) as unknown as Alert;

  it.each(HOSTILE_KEYS)('alert type %s has priority 0 and a headline', (key) => {
    expect(alertPriority(alert(key))).toBe(0); // before: `__proto__` gave Object.prototype, `toString` a function
    expect(alertHeadline(alert(key))).toBe('Alert from Ada');
  });
});

describe('emotes, colours and roles', () => {
  it('demo emote names (the text you send in the demo) find no emote', () => {
    const parts = parseDemoText(HOSTILE_KEYS.join(' '));
    expect(parts.every((part) => part.type === 'text')).toBe(true);
  });

  it.each(HOSTILE_KEYS)(
    'a chatter with colour, badges and user-type %s gets no colour and no role',
    (key) => {
      const line = parseTwitchLine(
        `@badges=${key}/1;color=${key};user-type=${key};display-name=X;id=m2 :x!x@x PRIVMSG #test :hi`,
      );
      const out: OnAirEvent[] = [];
      new IrcEventMapper().map(line!, { ref, now: 1, localId: () => 'l' }, (event) => out.push(event));
      const { author } = out[0] as ChatMessage;
      expect(author.color).toBeNull();
      expect(author.roles).toEqual([]);
      expect(safeNameColor(key, key)).toMatch(/^#[0-9a-f]{6}$/);
    },
  );
});

describe('renderer lookups (badge labels, removal words)', () => {
  it.each(HOSTILE_KEYS)('badge set %s gets a text label', (key) => {
    // Before: `__proto__` returned Object.prototype, which React cannot render: both views went blank.
    const words = new Map([
      ['__proto__', 'Proto'],
      ['constructor', 'Constructor'],
      ['toString', 'ToString'],
    ]);
    const expected = words.get(key) ?? 'HasOwnProperty';
    expect(badgeLabel({ setId: key, version: '1', title: '' })).toBe(expected);
    expect(badgeLabel({ setId: key, version: '1', title: 'Catalogue title' })).toBe('Catalogue title');
  });

  it.each(HOSTILE_KEYS)('removal reason %s still reads as removed', (key) => {
    const message = {
      source: ref,
      removed: { reason: key, confirmed: true, at: 0 },
    } as unknown as ChatMessage;
    expect(removedLabel(message)).toBe('removed · removed on Twitch');
  });
});
