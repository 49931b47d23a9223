import { describe, expect, it } from 'vitest';
import { plainConnectionError } from '../../src/shared/connection-error';

describe('connection errors in plain words', () => {
  it.each([
    [
      'getaddrinfo ENOTFOUND irc-ws.chat.twitch.tv',
      'twitch',
      "Can't reach Twitch — check your internet connection",
    ],
    [
      'socket error: getaddrinfo EAI_AGAIN server.mattkc.com',
      'chatkc',
      "Can't reach ChatKC — check your internet connection",
    ],
    ['connect ECONNREFUSED 127.0.0.1:2002', 'chatkc', 'ChatKC refused the connection'],
    ['connect timed out after 15000 ms', 'twitch', "Twitch didn't answer in time"],
    ['socket closed (code 1006)', 'twitch', 'The connection to Twitch dropped'],
    ['Twitch login expired — log in again.', 'twitch', 'Your Twitch login expired'],
    [
      'self-signed certificate in certificate chain',
      'streamlabs',
      "Streamlabs's certificate was not accepted",
    ],
  ])('%j from %s', (raw, provider, start) => {
    const plain = plainConnectionError(raw, provider);
    expect(plain.text.startsWith(start)).toBe(true);
    expect(plain.raw).toBe(raw);
  });

  it('keeps an unknown error as it is, and never names an unknown provider', () => {
    expect(plainConnectionError('Could not join: msg_banned', 'twitch')).toEqual({
      text: 'Could not join: msg_banned',
      raw: 'Could not join: msg_banned',
    });
    expect(plainConnectionError('getaddrinfo ENOTFOUND x', '__proto__').text).toBe(
      "Can't reach the service — check your internet connection",
    );
  });
});
