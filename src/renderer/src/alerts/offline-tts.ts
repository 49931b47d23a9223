import type { SpeakReply, SpeakRequest } from './tts-worker';

/**
 * The offline voice: text → WAV in a worker (tts-worker.ts), played through Web Audio in this page, so an OBS
 * browser source captures it with "control audio via OBS". One worker per page, loaded on first use.
 */

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (wav: ArrayBuffer) => void; reject: (error: Error) => void }>();

function engineWorker(): Worker {
  if (worker) return worker;
  // A classic worker: the engine is loaded with importScripts at run time, never bundled.
  const created = new Worker(new URL('./tts-worker.ts', import.meta.url), { type: 'classic' });
  created.onmessage = (event: MessageEvent<SpeakReply>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if ('wav' in reply) entry.resolve(reply.wav);
    else entry.reject(new Error(reply.error));
  };
  created.onerror = (event) => {
    for (const entry of waiting.values()) entry.reject(new Error(event.message || 'speech engine failed'));
    waiting.clear();
    worker = null;
  };
  worker = created;
  return created;
}

export function synthesize(text: string, rate: number): Promise<ArrayBuffer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    engineWorker().postMessage({ id, text, rate } satisfies SpeakRequest);
  });
}

let context: AudioContext | null = null;

export interface Playback {
  /** Seconds of audio decoded. */
  duration: number;
  ended: Promise<void>;
  stop(): void;
}

/** Plays WAV bytes at a volume; resolves once playing. */
export async function playWav(wav: ArrayBuffer, volume: number): Promise<Playback> {
  context ??= new AudioContext();
  if (context.state === 'suspended') await context.resume();
  const buffer = await context.decodeAudioData(wav);
  const source = context.createBufferSource();
  const gain = context.createGain();
  gain.gain.value = volume;
  source.buffer = buffer;
  source.connect(gain).connect(context.destination);
  const ended = new Promise<void>((resolve) => source.addEventListener('ended', () => resolve()));
  source.start();
  return {
    duration: buffer.duration,
    ended,
    stop: () => {
      try {
        source.stop();
      } catch {
        // already stopped
      }
    },
  };
}
