import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';

/** Rules of the reference server that the capture does not exercise, checked on the fake directly. */
let fake: FakeChatKc | null = null;
const sockets: WebSocket[] = [];

async function connect(
  url: string,
): Promise<{ ws: WebSocket; frames: Array<{ type: string; data: Record<string, unknown> }> }> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  const frames: Array<{ type: string; data: Record<string, unknown> }> = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as (typeof frames)[number]));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, frames };
}
const settle = () => new Promise((r) => setTimeout(r, 100));
const packet = (type: string, data: unknown = {}) =>
  JSON.stringify({ type, data, auth: 'google', token: 'tok-user' });

describe('ChatKC fake server rules', () => {
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await fake?.stop();
  });

  it('silently discards a packet when it and the 9 before it came within one second', async () => {
    fake = await startFakeChatKc();
    const { ws, frames } = await connect(fake.url);
    for (let i = 0; i < 12; i++) ws.send(packet('status'));
    await settle();
    expect(frames.filter((f) => f.type === 'authlevel').length).toBe(9);
  });

  it('replays at most the 50 newest stored messages after last_message, oldest first', async () => {
    const seedHistory = Array.from({ length: 80 }, (_, i) => ({
      userId: 2,
      message: `m${i + 1}`,
      time: 1000 + i,
    }));
    fake = await startFakeChatKc({ seedHistory });
    const all = await connect(fake.url);
    all.ws.send(JSON.stringify({ type: 'hello', data: { last_message: -1 } }));
    const recent = await connect(fake.url);
    recent.ws.send(JSON.stringify({ type: 'hello', data: { last_message: 75 } }));
    await settle();
    const texts = (f: typeof all.frames) => f.filter((x) => x.type === 'chat').map((x) => x.data.message);
    expect(texts(all.frames)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 31}`));
    expect(texts(recent.frames)).toEqual(['m76', 'm77', 'm78', 'm79', 'm80']);
    expect(recent.frames.at(-1)).toEqual({ type: 'join', data: { name: 'Bot' } });
  });

  it('answers every packet from an ip-banned address with status banned (hello still works)', async () => {
    fake = await startFakeChatKc();
    fake.db.bannedHosts.set('127.0.0.1', Number.MAX_SAFE_INTEGER);
    const { ws, frames } = await connect(fake.url);
    ws.send(JSON.stringify({ type: 'hello', data: { last_message: -1 } }));
    ws.send(packet('message', { text: 'hi', reply: 0 }));
    await settle();
    expect(frames).toEqual([
      { type: 'join', data: { name: 'Bot' } },
      { type: 'status', data: { status: 'banned' } },
    ]);
  });
});
