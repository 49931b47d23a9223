import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';

const open: Array<{ stop(): Promise<void> }> = [];
async function server(): Promise<FakeChatKc> {
  const fake = await startFakeChatKc();
  open.push(fake);
  return fake;
}
function client(url: string, token: string | null, ackTimeoutMs = 2000): ClientHarness {
  const harness = startChatKcClient(url, { token, ackTimeoutMs });
  open.unshift(harness);
  return harness;
}
const caps = (c: ClientHarness) => c.source.status().capabilities;

describe('ChatKC moderation through the fake server', () => {
  afterEach(async () => {
    for (const item of open.splice(0)) await item.stop();
  });

  it('gates capabilities by auth level and forbids actions above it', async () => {
    const fake = await server();
    const anon = client(fake.url, null);
    const user = client(fake.url, 'tok-user');
    const mod = client(fake.url, 'tok-mod');
    const admin = client(fake.url, 'tok-admin');
    await admin.until('admin level', () => caps(admin).includes('ipban'));
    await mod.until('mod level', () => caps(mod).includes('delete'));
    await user.until('user level', () => caps(user).includes('send'));
    await anon.until('anon connected', () => anon.source.status().state === 'connected');
    expect(caps(anon)).toEqual([]);
    expect(caps(user)).toEqual(['send', 'reply', 'userConf']);
    expect(caps(mod)).toEqual(['send', 'reply', 'userConf', 'delete']);
    expect(caps(admin)).toEqual([
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
    expect(admin.source.status().identity).toEqual({
      login: 'AdminUser',
      displayName: 'AdminUser',
      color: '#FF0000',
      level: 100,
    });
    const ban = { type: 'ban', sourceId: 'chatkc:test', userId: '2', login: 'RegularUser' } as const;
    expect(await mod.source.act(ban)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await user.source.act({ type: 'delete', sourceId: 'chatkc:test', messageId: '5' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await anon.source.send({ sourceId: 'chatkc:test', text: 'hi' })).toMatchObject({
      ok: false,
      code: 'unauthorized',
    });
  });

  it('deletes with !rm, confirmed by the delete event, and marks the removal confirmed', async () => {
    const fake = await server();
    const mod = client(fake.url, 'tok-mod');
    const watcher = client(fake.url, null);
    await mod.until('mod level', () => caps(mod).includes('delete'));
    const id = fake.say('RegularUser', 'delete <me> & "soon"');
    await watcher.until('chat', () => watcher.chats().length === 1);
    const shown = watcher.chats()[0];
    expect(shown?.text).toBe('delete <me> & "soon"');
    expect(shown?.id).toBe(String(id));
    const result = await mod.source.act({ type: 'delete', sourceId: 'chatkc:test', messageId: String(id) });
    expect(result).toEqual({ ok: true, local: false });
    await watcher.until('removal', () => watcher.of('removal').length === 1);
    expect(watcher.of('removal')[0]).toMatchObject({
      target: { type: 'message', messageId: String(id) },
      reason: 'delete',
      confirmed: true,
    });
    expect(fake.messages().find((m) => m.id === id)?.dropped).toBe(true);
    expect(mod.of('notice').map((n) => n.text)).toContain('1 message(s) deleted');
  });

  it('bans: delete broadcast for the user’s messages, banned status, failed state, then unban', async () => {
    const fake = await server();
    const admin = client(fake.url, 'tok-admin');
    const victim = client(fake.url, 'tok-user');
    await admin.until('admin', () => caps(admin).includes('ban'));
    await victim.until('user', () => caps(victim).includes('send'));
    expect(await victim.source.send({ sourceId: 'chatkc:test', text: 'first words' })).toEqual({
      ok: true,
      local: false,
    });
    const own = victim.chats().find((c) => c.text === 'first words');
    expect(own?.flags.own).toBe(true);
    const result = await admin.source.act({
      type: 'ban',
      sourceId: 'chatkc:test',
      userId: '2',
      login: 'RegularUser',
    });
    expect(result).toMatchObject({ ok: true, detail: 'RegularUser banned until forever' });
    await victim.until('banned', () => victim.source.status().state === 'failed');
    expect(victim.source.status().error).toBe('Banned from this chat');
    expect(caps(victim)).toEqual([]);
    await admin.until('removal', () =>
      admin.of('removal').some((r) => r.target.type === 'message' && r.target.messageId === own?.id),
    );
    expect(await victim.source.send({ sourceId: 'chatkc:test', text: 'still here?' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const unknown = await admin.source.act({
      type: 'ban',
      sourceId: 'chatkc:test',
      userId: '9',
      login: 'Nobody',
    });
    expect(unknown).toEqual({ ok: false, code: 'not-found', message: "Couldn't find user Nobody" });
    const unban = await admin.source.act({
      type: 'unban',
      sourceId: 'chatkc:test',
      userId: '2',
      login: 'RegularUser',
    });
    expect(unban).toMatchObject({ ok: true, detail: 'RegularUser unbanned' });
    await victim.until(
      'unbanned',
      () => victim.source.status().state === 'connected' && caps(victim).includes('send'),
    );
  });

  it('shows the duplicate-message rejection and resolves send with it', async () => {
    const fake = await server();
    const user = client(fake.url, 'tok-user');
    await user.until('user', () => caps(user).includes('send'));
    expect(await user.source.send({ sourceId: 'chatkc:test', text: 'same thing' })).toEqual({
      ok: true,
      local: false,
    });
    const again = await user.source.send({ sourceId: 'chatkc:test', text: 'same thing' });
    expect(again).toEqual({
      ok: false,
      code: 'rejected',
      message: 'Your identical message was sent too quickly, please wait 30 seconds to send it again.',
    });
    expect(user.of('notice').find((n) => n.code === 'msg_duplicate')?.level).toBe('warning');
    expect(await user.source.send({ sourceId: 'chatkc:test', text: 'something new' })).toEqual({
      ok: true,
      local: false,
    });
  });

  it('mods and unmods, renames through userConf, and reports name errors', async () => {
    const fake = await server();
    const admin = client(fake.url, 'tok-admin');
    const fresh = client(fake.url, 'tok-new');
    await admin.until('admin', () => caps(admin).includes('mod'));
    await fresh.until('rename', () => fresh.of('notice').some((n) => n.code === 'rename'));
    expect(caps(fresh)).toEqual(['userConf']);
    const short = await fresh.source.act({
      type: 'userConf',
      sourceId: 'chatkc:test',
      name: 'ab',
      color: '#abcdef',
    });
    expect(short).toMatchObject({
      ok: false,
      code: 'rejected',
      message: 'User names must be 3 to 32 characters long',
    });
    const named = await fresh.source.act({
      type: 'userConf',
      sourceId: 'chatkc:test',
      name: 'Newbie',
      color: '#abcdef',
    });
    expect(named).toEqual({ ok: true, local: false });
    await fresh.until(
      'identity',
      () => fresh.source.status().identity?.login === 'Newbie' && caps(fresh).includes('send'),
    );
    expect(fresh.source.status().identity?.color).toBe('#ABCDEF');
    expect(await admin.source.act({ type: 'mod', sourceId: 'chatkc:test', login: 'Newbie' })).toMatchObject({
      ok: true,
      detail: 'Newbie auth level set to 50 successfully',
    });
    await fresh.until('mod caps', () => caps(fresh).includes('delete'));
    expect(await admin.source.act({ type: 'unmod', sourceId: 'chatkc:test', login: 'Newbie' })).toMatchObject(
      { ok: true },
    );
    await fresh.until('unmod caps', () => !caps(fresh).includes('delete'));
    const ip = await admin.source.act({ type: 'ipban', sourceId: 'chatkc:test', address: '203.0.113.9' });
    expect(ip).toMatchObject({ ok: true, detail: '203.0.113.9 banned until forever' });
    expect(
      await admin.source.act({
        type: 'timeout',
        sourceId: 'chatkc:test',
        userId: '1',
        login: 'x',
        seconds: 5,
      }),
    ).toMatchObject({
      ok: false,
      code: 'unsupported',
    });
  });
});
