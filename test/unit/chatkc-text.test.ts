import { describe, expect, it } from 'vitest';
import { serverMessageToText, unescapeHtml } from '../../src/main/core/providers/chatkc/html-text';
import {
  capabilitiesForLevel,
  normaliseLevel,
  rolesForLevel,
  statusNotice,
} from '../../src/main/core/providers/chatkc/levels';
import { splitMessageParts } from '../../src/main/core/providers/chatkc/message-parts';

describe('ChatKC text handling', () => {
  it('unescapes HTML entities once, including numeric ones', () => {
    expect(unescapeHtml('Hello world! &lt;b&gt;html&lt;/b&gt; &amp; &quot;quotes&quot;')).toBe(
      'Hello world! <b>html</b> & "quotes"',
    );
    expect(unescapeHtml('it&#39;s &#x1F389; &#128512;')).toBe("it's 🎉 😀");
    expect(unescapeHtml('&amp;lt; stays &lt;')).toBe('&lt; stays <');
    expect(unescapeHtml('&bogus; &#0; &#xD800; &#99999999;')).toBe('&bogus; &#0; &#xD800; &#99999999;');
  });

  it('turns servermsg HTML into inert text', () => {
    expect(serverMessageToText('Version: 0.1<br>Slow Mode: 0 seconds')).toBe(
      'Version: 0.1\nSlow Mode: 0 seconds',
    );
    expect(serverMessageToText("X banned until <span class='timestamp'>9007199254740991</span>")).toBe(
      'X banned until forever',
    );
    expect(serverMessageToText("X banned until <span class='timestamp'>1800000000</span>")).toBe(
      'X banned until 2027-01-15T08:00:00.000Z',
    );
    expect(serverMessageToText('<script>alert(1)</script><img src=x onerror=y>&lt;b&gt;')).toBe(
      'alert(1)<b>',
    );
  });

  it('splits text into text, link and mention parts', () => {
    expect(splitMessageParts('hey @Bot see https://stream.mattkc.com/chat, ok? mail a@b.c')).toEqual([
      { type: 'text', text: 'hey ' },
      { type: 'mention', text: '@Bot', login: 'Bot' },
      { type: 'text', text: ' see ' },
      { type: 'link', text: 'https://stream.mattkc.com/chat', url: 'https://stream.mattkc.com/chat' },
      { type: 'text', text: ', ok? mail a@b.c' },
    ]);
    expect(splitMessageParts('javascript:alert(1) ftp://x')).toEqual([
      { type: 'text', text: 'javascript:alert(1) ftp://x' },
    ]);
    expect(splitMessageParts('')).toEqual([]);
  });

  it('maps levels to roles and capabilities; garbage levels count as 0', () => {
    expect(normaliseLevel(1946238848)).toBe(0);
    expect(normaliseLevel(-5)).toBe(0);
    expect(normaliseLevel(50)).toBe(50);
    expect(rolesForLevel(100)).toEqual(['broadcaster']);
    expect(rolesForLevel(50)).toEqual(['moderator']);
    expect(capabilitiesForLevel(0)).toEqual(['send', 'reply', 'userConf']);
    expect(capabilitiesForLevel(50)).toEqual(['send', 'reply', 'userConf', 'delete']);
    expect(capabilitiesForLevel(100)).toEqual([
      'send',
      'reply',
      'userConf',
      'delete',
      'ban',
      'unban',
      'mod',
      'unmod',
      'ipban',
    ]);
    for (const status of [
      'authenticated',
      'unauthenticated',
      'banned',
      'rename',
      'nameexists',
      'nameinvalid',
      'namelength',
      'nametimeout',
      'setuserconf',
    ]) {
      expect(statusNotice(status).text).not.toContain(status);
    }
    expect(statusNotice('banned').text).toBe('Banned from this chat');
    expect(statusNotice('unauthenticated').text).toBe('Not signed in: read-only');
    expect(statusNotice('rename').text).toBe('Choose a user name before chatting');
  });
});
