import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../src/shared/bridge-protocol';
import type { ServerStats } from '../../src/main/headless/view-connection';
import { OVERSIZE_FRAME, fuzzFrames, type FuzzFrame } from './bridge-fuzz-frames';
import { open } from './headless-harness';

/**
 * Issue 10 item 1: no frame may take the core down. Headless mode runs in a child process (the same
 * `runHeadless` as the CLI: fault handlers, real core with a demo source, real server); 10,000+ hostile frames
 * go to /ws/mod (with the secret) and /ws/overlay. The child must still be alive and answering at the end, and
 * every frame must have been answered with an error or dropped and counted.
 */

type Message = { type: 'listening'; port: number; secret: string } | { type: 'stats'; stats: ServerStats };

function startChild(): {
  child: ChildProcess;
  stderr: string[];
  next<T extends Message['type']>(type: T): Promise<Extract<Message, { type: T }>>;
} {
  const child = fork(resolve(import.meta.dirname, 'fixtures/headless-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(...chunk.toString().split('\n').filter(Boolean)));
  const next = <T extends Message['type']>(type: T) =>
    new Promise<Extract<Message, { type: T }>>((done, fail) => {
      const onMessage = (message: Message) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        done(message as Extract<Message, { type: T }>);
      };
      child.on('message', onMessage);
      child.once('exit', (code, signal) =>
        fail(new Error(`child exited (${code ?? signal}): ${stderr.join('\n')}`)),
      );
    });
  return { child, stderr, next };
}

/** Sends every frame, then waits until each has had its reply; returns the replies. */
async function sendAll(ws: WebSocket, frames: FuzzFrame[]): Promise<Array<Record<string, unknown>>> {
  const replies: Array<Record<string, unknown>> = [];
  ws.on('message', (data) => replies.push(JSON.parse(data.toString()) as Record<string, unknown>));
  for (const frame of frames) ws.send(frame.text);
  ws.send(Buffer.from([0xde, 0xad]), { binary: true });
  const deadline = Date.now() + 30_000;
  while (replies.length < frames.length + 1 && Date.now() < deadline && ws.readyState === WebSocket.OPEN) {
    await new Promise((done) => setTimeout(done, 20));
  }
  return replies;
}

describe('bridge fuzz against headless mode in a child process', () => {
  let started: ReturnType<typeof startChild>;
  let port: number;
  let secret: string;
  let exits = 0;

  beforeAll(async () => {
    started = startChild();
    started.child.on('exit', () => (exits += 1));
    ({ port, secret } = await started.next('listening'));
  }, 60_000);

  afterAll(async () => {
    if (started.child.exitCode === null) {
      started.child.send({ type: 'stop' });
      await new Promise((done) => started.child.once('exit', done));
    }
  });

  const origin = () => `http://127.0.0.1:${port}`;
  const modSocket = () =>
    open(`ws://127.0.0.1:${port}/ws/mod`, {
      origin: origin(),
      protocols: ['onair-mod.v1', `secret.${secret}`],
    });
  const stats = async () => {
    started.child.send({ type: 'stats' });
    return (await started.next('stats')).stats;
  };

  it('answers 10,000+ hostile frames with errors, drops oversize ones, and keeps running', async () => {
    const modFrames = fuzzFrames(8_000, 0x0a1e);
    const overlayFrames = fuzzFrames(2_500, 0xbad, 100_000);
    const sizes = [...modFrames, ...overlayFrames].map((frame) => Buffer.byteLength(frame.text));
    expect(Math.max(...sizes)).toBeLessThan(MAX_FRAME_BYTES);
    const mod = await modSocket();
    const overlay = await open(`ws://127.0.0.1:${port}/ws/overlay`, { origin: origin() });
    const [modReplies, overlayReplies] = await Promise.all([
      sendAll(mod, modFrames),
      sendAll(overlay, overlayFrames),
    ]);

    for (const [replies, frames] of [
      [modReplies, modFrames],
      [overlayReplies, overlayFrames],
    ] as const) {
      expect(replies).toHaveLength(frames.length + 1);
      expect(replies.filter((reply) => typeof reply.error !== 'string')).toEqual([]);
      const answered = new Set(replies.map((reply) => reply.id));
      expect(
        frames.filter((f) => f.id !== null && !answered.has(f.id)).map((f) => f.text.slice(0, 80)),
      ).toEqual([]);
    }
    expect(
      overlayReplies
        .filter((r) => r.id !== null)
        .every((r) => r.error === 'the overlay connection is read-only'),
    ).toBe(true);

    // Frames over 64 KiB never reach us: `ws` closes the socket (1009), and the server counts the drop.
    for (let i = 0; i < 5; i += 1) {
      const ws = await modSocket();
      const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
      ws.send(OVERSIZE_FRAME);
      expect(await closed).toBe(1009);
    }

    const after = await stats();
    expect(after.badRequests).toBe(modFrames.length + overlayFrames.length + 2);
    expect(after.droppedFrames).toBe(5);
    expect(after.requests).toBe(0);
    expect(after.processFaults).toBe(0);
    // Summaries, not one line per bad frame.
    expect(started.stderr.length).toBeLessThan(20);

    mod.send(JSON.stringify({ id: 'still-there', method: 'getSettings' }));
    const answer = await new Promise<Record<string, unknown>>((done) =>
      mod.on('message', (data) => {
        const reply = JSON.parse(data.toString()) as Record<string, unknown>;
        if (reply.id === 'still-there') done(reply);
      }),
    );
    expect(answer).toMatchObject({ result: { version: 1, sources: [{ id: 'demo' }] } });
    expect(exits).toBe(0);
    expect(started.child.exitCode).toBeNull();
    mod.terminate();
    overlay.terminate();
  }, 120_000);

  it('logs and counts an unhandled rejection and an uncaught exception instead of exiting', async () => {
    started.child.send({ type: 'fault' });
    await expect.poll(async () => (await stats()).processFaults, { timeout: 5000 }).toBe(2);
    expect(started.stderr.join('\n')).toMatch(
      /fault survived .*unhandled rejection: Error: provoked rejection/,
    );
    const ws = await modSocket();
    const reply = new Promise<Record<string, unknown>>((done) =>
      ws.once('message', (data) => done(JSON.parse(data.toString()) as Record<string, unknown>)),
    );
    ws.send(JSON.stringify({ id: 1, method: 'getOverlayUrl' }));
    expect(await reply).toEqual({ id: 1, result: { url: `http://127.0.0.1:${port}/overlay` } });
    expect(exits).toBe(0);
    ws.terminate();
  });
});
