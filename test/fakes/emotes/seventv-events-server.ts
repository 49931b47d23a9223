import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { seventvActive, type FakeEmote } from './fixtures';

/**
 * A fake 7TV EventAPI v3 (docs/emotes.md "7TV live updates"; frames shaped like the corpus captures
 * `7tv/eventapi/`): Hello with a heartbeat interval on connect, Ack for each Subscribe, `emote_set.update`
 * dispatches to the connections subscribed to that set, Heartbeat / Reconnect / End of Stream on demand.
 * Heartbeats are sent when the test says so (the client's watchdog runs on a fake clock).
 */
export interface FakeSevenTvEvents {
  url: string;
  /** Open connections. */
  connections(): number;
  /** Set ids subscribed, per connection in connection order (the latest last). */
  subscriptions(): string[][];
  /** Client frames that were not a valid Subscribe (the real server would close; we record). */
  badClientFrames: string[];
  heartbeat(): void;
  /** An emote added (`pushed`), removed (`pulled`, by id and old name) or renamed (`updated`). */
  push(setId: string, emote: FakeEmote): void;
  pull(setId: string, emote: FakeEmote): void;
  rename(setId: string, emote: FakeEmote, newName: string): void;
  /** Raw text to every connection (malformed frames). */
  sendRaw(text: string): void;
  sendReconnect(): void;
  endOfStream(): void;
  /** Cut every connection without a close frame. */
  dropAll(): void;
  stop(): Promise<void>;
}

interface Options {
  heartbeatMs?: number;
  subscriptionLimit?: number;
}

const ACTOR = { id: '60b39e943e203cc169dfc106', username: 'nerixyz', display_name: 'nerixyz' };

const parseOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

export async function startFakeSevenTvEvents(options: Options = {}): Promise<FakeSevenTvEvents> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const subs = new Map<WebSocket, Set<string>>();
  const badClientFrames: string[] = [];
  const frame = (op: number, d: unknown): string => JSON.stringify({ op, t: Date.now(), d });

  server.on('connection', (socket) => {
    subs.set(socket, new Set());
    socket.on('close', () => subs.delete(socket));
    socket.on('message', (data) => onClientFrame(socket, data.toString()));
    const hello = { heartbeat_interval: options.heartbeatMs ?? 25_000, session_id: `s${subs.size}` };
    socket.send(frame(1, { ...hello, subscription_limit: options.subscriptionLimit ?? 500 }));
  });

  const onClientFrame = (socket: WebSocket, text: string): void => {
    type Subscribe = { op?: unknown; d?: { type?: unknown; condition?: { object_id?: unknown } } };
    const parsed = parseOrNull(text) as Subscribe | null;
    const objectId = parsed?.d?.condition?.object_id;
    if (parsed?.op !== 35 || typeof parsed.d?.type !== 'string' || typeof objectId !== 'string') {
      badClientFrames.push(text);
      return;
    }
    subs.get(socket)?.add(objectId);
    socket.send(frame(5, { command: 'SUBSCRIBE', data: parsed.d }));
  };

  const dispatch = (setId: string, changes: Record<string, unknown[]>): void => {
    const body = { id: setId, kind: 3, actor: ACTOR, ...changes };
    const text = frame(0, { type: 'emote_set.update', body });
    for (const [socket, ids] of subs) if (ids.has(setId)) socket.send(text);
  };
  const oldValue = (emote: FakeEmote) => ({ id: emote.id, name: emote.code, flags: 0, actor_id: ACTOR.id });
  const toAll = (text: string): void => {
    for (const socket of subs.keys()) socket.send(text);
  };

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3`,
    connections: () => subs.size,
    subscriptions: () => [...subs.values()].map((ids) => [...ids]),
    badClientFrames,
    heartbeat: () => toAll(frame(2, { count: 1 })),
    push: (setId, emote) =>
      dispatch(setId, { pushed: [{ key: 'emotes', index: 0, type: 'object', value: seventvActive(emote) }] }),
    pull: (setId, emote) =>
      dispatch(setId, {
        pulled: [{ key: 'emotes', index: 0, type: 'object', old_value: oldValue(emote), value: null }],
      }),
    rename: (setId, emote, newName) =>
      dispatch(setId, {
        updated: [
          {
            key: 'emotes',
            index: 0,
            type: 'object',
            old_value: oldValue(emote),
            value: seventvActive({ ...emote, code: newName }),
          },
        ],
      }),
    sendRaw: toAll,
    sendReconnect: () => toAll(frame(4, {})),
    endOfStream: () => toAll(frame(7, { code: 4000, message: 'server restart' })),
    dropAll: () => {
      for (const socket of subs.keys()) socket.terminate();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of subs.keys()) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
