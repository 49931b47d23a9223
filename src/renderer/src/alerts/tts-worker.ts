/**
 * Runs the offline speech engine (meSpeak: eSpeak compiled to JavaScript, GPL-3.0) off the page's main thread.
 * The engine is not bundled into OnAir: it is loaded at run time from the server's /tts-engine/ route, which
 * serves the files of its npm package. It is a CommonJS pair (ESpeak.js required by index.js), so a tiny
 * `module`/`require` shim lets the classic `importScripts` load it as published.
 */

/** The parts of a dedicated worker's global scope used here (the web tsconfig has the DOM lib, not WebWorker). */
interface EngineScope {
  importScripts(...urls: string[]): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SpeakRequest>) => void) | null;
  module: { exports: unknown };
  exports: unknown;
  require: (name: string) => unknown;
}

interface MeSpeak {
  loadConfig(config: unknown): void;
  loadVoice(voice: unknown): void;
  speak(text: string, options: Record<string, unknown>): ArrayBuffer | null;
}

export interface SpeakRequest {
  id: number;
  text: string;
  /** 1 = normal speed. */
  rate: number;
}

export type SpeakReply = { id: number; wav: ArrayBuffer } | { id: number; error: string };

const scope = self as unknown as EngineScope;
let engine: Promise<MeSpeak> | null = null;

function loadEngine(): Promise<MeSpeak> {
  scope.module = { exports: {} };
  scope.exports = scope.module.exports;
  scope.importScripts('/tts-engine/espeak.js');
  const eSpeak = scope.module.exports;
  scope.module = { exports: {} };
  scope.exports = scope.module.exports;
  scope.require = (name) => {
    if (name === './ESpeak.js') return eSpeak;
    throw new Error(`the speech engine asked for ${name}`);
  };
  scope.importScripts('/tts-engine/mespeak.js');
  const meSpeak = scope.module.exports as MeSpeak;
  const json = (path: string) => fetch(path).then((response) => response.json() as Promise<unknown>);
  return Promise.all([
    json('/tts-engine/mespeak_config.json'),
    json('/tts-engine/voices/en/en-us.json'),
  ]).then(([config, voice]) => {
    meSpeak.loadConfig(config);
    meSpeak.loadVoice(voice);
    return meSpeak;
  });
}

scope.onmessage = (event: MessageEvent<SpeakRequest>) => {
  const { id, text, rate } = event.data;
  engine ??= loadEngine();
  engine
    .then((meSpeak) => {
      // eSpeak speaks 175 words per minute by default.
      const wav = meSpeak.speak(text, { rawdata: 'arraybuffer', speed: Math.round(175 * rate) });
      if (!wav) throw new Error('the engine produced no audio');
      scope.postMessage({ id, wav } satisfies SpeakReply, [wav]);
    })
    .catch((error: unknown) => {
      engine = null;
      scope.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies SpeakReply);
    });
};
