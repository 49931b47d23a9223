import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { framesOf, loadCapture } from '../fakes/chatkc/capture';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';

/**
 * Our client fed the SERVER frames of the capture: a tiny socket server waits for the client's `hello`, then
 * sends the frames one connection of the real session received, byte for byte and in order.
 */
const records = loadCapture();
const closers: Array<() => Promise<void>> = [];

async function replayServer(conn: string): Promise<{ url: string; hellos: string[] }> {
  const frames = framesOf(records, conn, 'recv');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const hellos: string[] = [];
  wss.on('connection', (ws) => {
    ws.once('message', (data) => {
      hellos.push(data.toString());
      for (const frame of frames) ws.send(frame);
    });
  });
  closers.push(async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, hellos };
}

async function run(conn: string, token: string | null, expectedChats: number): Promise<ClientHarness> {
  const { url, hellos } = await replayServer(conn);
  const client = startChatKcClient(url, { token });
  closers.unshift(() => client.stop());
  await client.until('hello', () => hellos.length === 1);
  expect(JSON.parse(hellos[0] ?? '{}')).toEqual(
    token
      ? { type: 'hello', data: { last_message: -1 }, auth: 'google', token }
      : { type: 'hello', data: { last_message: -1 } },
  );
  await client.until('all chat', () => client.chats().length === expectedChats);
  await new Promise((r) => setTimeout(r, 50));
  return client;
}

describe('ChatKC client on the captured server frames', () => {
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('admin session: live chat, escapes, id 0, replies, mentions, servermsg, delete, identity', async () => {
    const c = await run('admin', 'tok-admin', 10);
    const chats = c.chats();
    expect(chats.map((m) => m.id).slice(0, 3)).toEqual(['21372', '21373', '21375']);
    const first = chats[0];
    expect(first?.text).toBe('Hello world! <b>html</b> & "quotes"');
    expect(first?.parts).toEqual([{ type: 'text', text: 'Hello world! <b>html</b> & "quotes"' }]);
    expect(first?.author).toMatchObject({
      id: '1',
      login: 'AdminUser',
      color: '#FF0000',
      roles: ['broadcaster'],
    });
    expect(first?.flags.own).toBe(true);
    expect(first?.extras).toEqual({ chatkc: { numericId: 21372, level: 100 } });
    const emoji = chats.find((m) => m.text.startsWith('unicode'));
    expect(emoji).toMatchObject({ targetable: false, text: 'unicode: héllo 🎉 日本語 and emoji :)' });
    expect(emoji?.id).not.toBe('0');
    const reply = chats.find((m) => m.text === 'replying to the first message');
    expect(reply?.reply).toEqual({ parentId: '1', parentAuthor: '', parentText: '(earlier message)' });
    const mention = chats.find((m) => m.text === 'hey @Bot are you there?');
    expect(mention?.parts).toEqual([
      { type: 'text', text: 'hey ' },
      { type: 'mention', text: '@Bot', login: 'Bot' },
      { type: 'text', text: ' are you there?' },
    ]);
    const bot = chats.find((m) => m.author.login === 'Bot');
    expect(bot?.author).toMatchObject({ id: '0', color: '#FFFFFF', roles: ['moderator'] });
    expect(chats.find((m) => m.id === '21381')?.text).toBe('@AdminUser Timer "pizza" created');
    const notices = c.of('notice').map((n) => n.text);
    expect(notices).toContain(
      'Version: 0.1\nSlow Mode: 0 seconds\nDuplicate Slow Mode: 30 seconds\nFollow Mode: 600 seconds',
    );
    expect(notices).toContain('NewUser_1 banned until forever');
    expect(notices).toContain('Signed in to ChatKC');
    expect(c.of('removal').map((r) => r.target)).toEqual([{ type: 'message', messageId: '1' }]);
    expect(c.of('alert')).toEqual([]);
    expect(c.source.status().identity).toEqual({
      login: 'AdminUser',
      displayName: 'AdminUser',
      color: '#123ABC',
      level: 100,
    });
    expect(c.source.status().capabilities).toContain('ipban');
    const presence = c.of('presence');
    expect(presence[0]).toMatchObject({ reset: true, joined: ['Bot'] });
    expect(presence.flatMap((p) => p.joined)).toEqual(['Bot', 'AdminUser', 'RegularUser', 'NewUser_1']);
    expect(presence.flatMap((p) => p.left)).toEqual(['RegularUser']);
    expect(c.source.status().counters?.badFrames ?? 0).toBe(0);
  });

  it('new account: history replay with garbage levels, rename, name errors, ban', async () => {
    const c = await run('new', 'tok-new', 9);
    const chats = c.chats();
    expect(chats.map((m) => m.id)).toEqual([
      '21372',
      '21373',
      '21375',
      '21376',
      '21377',
      '21378',
      '21379',
      '21380',
      '21381',
    ]);
    const garbage = chats.find((m) => m.id === '21381');
    expect(garbage?.extras?.chatkc).toEqual({ numericId: 21381, level: 0 });
    expect(garbage?.author).toMatchObject({ login: 'Bot', color: null, roles: [] });
    expect(chats.find((m) => m.id === '21377')?.reply?.parentText).toBe('(earlier message)');
    const codes = c.of('notice').map((n) => n.code);
    expect(codes).toEqual([
      'rename',
      'namelength',
      'nameinvalid',
      'nameexists',
      'setuserconf',
      'nametimeout',
      'banned',
      'unauthenticated',
    ]);
    expect(c.of('notice').find((n) => n.code === 'banned')?.text).toBe('Banned from this chat');
    expect(c.source.status()).toMatchObject({
      state: 'failed',
      error: 'Banned from this chat',
      capabilities: [],
    });
    expect(c.of('presence')[0]).toMatchObject({ reset: true, joined: ['Bot'] });
    expect(c.of('alert')).toEqual([]);
  });

  it('anonymous late joiner: read-only, nothing but history and presence', async () => {
    const c = await run('late', null, 9);
    expect(c.source.status().capabilities).toEqual([]);
    expect(c.source.status().identity).toBeNull();
    expect(c.of('notice')).toEqual([]);
    expect(c.of('presence').flatMap((p) => p.joined)).toEqual([
      'Bot',
      'RegularUser',
      'AdminUser',
      'NewUser_1',
    ]);
  });
});
