import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { framesOf, loadCapture, normaliseServerFrame, type CaptureRecord } from '../fakes/chatkc/capture';

/**
 * Conformance: the CLIENT frames of the captured session are replayed (per connection, in the captured order)
 * against the fake server, seeded like seed.sql/config.json; every connection must receive exactly the
 * SERVER frames of the capture, byte for byte (only `time` values and the bot's uninitialised level differ).
 */
const records = loadCapture();
let clockMs = records[0]?.t ?? 0;
let server: FakeChatKc | null = null;
const sockets = new Map<string, WebSocket>();
const received = new Map<string, string[]>();

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

async function open(conn: string, url: string): Promise<void> {
  const ws = new WebSocket(url);
  const frames: string[] = [];
  received.set(conn, frames);
  ws.on('message', (data) => {
    if (sockets.get(conn) === ws) frames.push(data.toString());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  sockets.set(conn, ws);
}

/** Closes captured together (same millisecond) happen together, so nobody sees the others' `part`. */
function closeGroup(group: CaptureRecord[]): void {
  for (const record of group) {
    const ws = sockets.get(record.conn);
    sockets.delete(record.conn);
    ws?.close(1000);
  }
}

async function replay(fake: FakeChatKc): Promise<void> {
  const expected = new Map<string, number>();
  const caughtUp = (): boolean => [...expected].every(([conn, n]) => (received.get(conn)?.length ?? 0) >= n);
  const closed = new Set<CaptureRecord>();
  for (const record of records) {
    if ('dir' in record && record.dir === 'recv') {
      expected.set(record.conn, (expected.get(record.conn) ?? 0) + 1);
      continue;
    }
    if (closed.has(record)) continue;
    await until(caughtUp);
    clockMs = record.t;
    if ('dir' in record) sockets.get(record.conn)?.send(record.frame);
    else if (record.event === 'open') await open(record.conn, fake.url);
    else {
      const group = records.filter(
        (r) => 'event' in r && r.event === 'close' && r.t >= record.t && r.t - record.t <= 2,
      );
      for (const r of group) closed.add(r);
      closeGroup(group);
    }
  }
  await until(caughtUp);
}

describe('ChatKC fake server conformance with the reference-server capture', () => {
  afterAll(async () => {
    for (const ws of sockets.values()) ws.terminate();
    await server?.stop();
  });

  it('answers the captured client frames with the captured server frames, byte for byte', async () => {
    server = await startFakeChatKc({ nextMessageId: 21372, now: () => clockMs, random: () => 0 });
    await replay(server);
    const conns = [...new Set(records.map((r) => r.conn))];
    expect(conns).toEqual(['anon', 'admin', 'user', 'new', 'late', 'late2']);
    for (const conn of conns) {
      const want = framesOf(records, conn, 'recv').map(normaliseServerFrame);
      const got = (received.get(conn) ?? []).map(normaliseServerFrame);
      expect({ conn, frames: got }).toEqual({ conn, frames: want });
    }
    expect(received.get('new')?.length).toBe(framesOf(records, 'new', 'recv').length);
  });

  it('ends with the database the capture ended with (db-history-after.txt)', () => {
    const rows = server?.messages().map((m) => [m.id, m.userId, m.message, m.dropped ? 1 : 0, m.reply]) ?? [];
    expect(rows).toEqual([
      [21372, 1, 'Hello world! <b>html</b> & "quotes"', 0, 0],
      [21373, 2, 'hi from a regular user', 0, 0],
      [21374, 2, 'this has a badword in it', 1, 0],
      [21375, 2, '!time', 0, 0],
      [21376, 0, '@RegularUser The time for the streamer is: Sat Nov 21 19:03:58 2026 PST', 0, 0],
      [21377, 1, 'replying to the first message', 0, 1],
      [21378, 1, 'hey @Bot are you there?', 0, 0],
      [21379, 0, '@AdminUser Hey @AdminUser!', 0, 0],
      [21380, 1, '!timer start pizza', 0, 0],
      [21381, 0, '@AdminUser Timer "pizza" created', 0, 0],
    ]);
    const users = [...(server?.db.users.values() ?? [])].map((u) => [
      u.id,
      u.name,
      u.color,
      u.level,
      u.bannedUntil,
    ]);
    expect(users).toContainEqual([1, 'AdminUser', '123ABC', 100, 0]);
    expect(users).toContainEqual([4, 'NewUser_1', 'ABCDEF', 0, 9007199254740991]);
  });
});
