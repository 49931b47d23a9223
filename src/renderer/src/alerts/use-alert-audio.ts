import { useEffect, useRef, useState } from 'react';
import type { SpeechRequest } from '../../../shared/alert-box/types';
import { playWav, synthesize, type Playback } from './offline-tts';

export type SoundState = 'none' | 'loading' | 'playing' | 'ended' | 'blocked' | 'error';

/** Plays the alert's sound once, in the page (so OBS captures it); stops it when the alert leaves. */
export function useAlertSound(sound: { url: string; volume: number } | null): SoundState {
  const [state, setState] = useState<SoundState>(sound ? 'loading' : 'none');
  const url = sound?.url ?? null;
  const volume = sound?.volume ?? 0;
  useEffect(() => {
    if (!url) return;
    const audio = new Audio(url);
    audio.volume = volume;
    audio.addEventListener('playing', () => setState('playing'));
    audio.addEventListener('ended', () => setState('ended'));
    audio.addEventListener('error', () => setState('error'));
    audio.play().catch((error: unknown) => {
      // Browsers refuse sound before a click unless autoplay is allowed (OBS allows it).
      setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'blocked' : 'error');
    });
    return () => {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    };
  }, [url, volume]);
  return state;
}

export type SpeechState = 'none' | 'waiting' | 'synthesizing' | 'playing' | 'done' | 'error';
export interface SpeechStatus {
  state: SpeechState;
  engine: 'system' | 'offline' | null;
  /** Seconds of offline audio produced (0 for system voices). */
  seconds: number;
}

function systemVoice(request: SpeechRequest): SpeechSynthesisVoice | null | undefined {
  if (request.engine === 'offline' || typeof speechSynthesis === 'undefined') return undefined;
  const voices = speechSynthesis.getVoices();
  if (voices.length === 0) return undefined;
  return voices.find((voice) => voice.name === request.voice) ?? null;
}

function speakWithSystem(
  request: SpeechRequest,
  voice: SpeechSynthesisVoice | null,
  report: (s: SpeechStatus) => void,
): () => void {
  const utterance = new SpeechSynthesisUtterance(request.text);
  if (voice) utterance.voice = voice;
  utterance.rate = request.rate;
  utterance.volume = request.volume;
  utterance.onstart = () => report({ state: 'playing', engine: 'system', seconds: 0 });
  utterance.onend = () => report({ state: 'done', engine: 'system', seconds: 0 });
  utterance.onerror = () => report({ state: 'error', engine: 'system', seconds: 0 });
  speechSynthesis.speak(utterance);
  return () => speechSynthesis.cancel();
}

function speakOffline(request: SpeechRequest, report: (s: SpeechStatus) => void): () => void {
  let cancelled = false;
  let playback: Playback | null = null;
  report({ state: 'synthesizing', engine: 'offline', seconds: 0 });
  synthesize(request.text, request.rate)
    .then((wav) => (cancelled ? null : playWav(wav, request.volume)))
    .then((started) => {
      if (!started) return;
      playback = started;
      if (cancelled) return started.stop();
      report({ state: 'playing', engine: 'offline', seconds: started.duration });
      return started.ended.then(() =>
        report({ state: 'done', engine: 'offline', seconds: started.duration }),
      );
    })
    .catch(() => {
      if (!cancelled) report({ state: 'error', engine: 'offline', seconds: 0 });
    });
  return () => {
    cancelled = true;
    playback?.stop();
  };
}

/**
 * Reads the (already filtered) viewer message once the sound is over: a system voice through the Web Speech
 * API when asked for or, with `auto`, when the page has one; else the offline engine.
 */
export function useAlertSpeech(request: SpeechRequest | null, soundState: SoundState): SpeechStatus {
  const [status, setStatus] = useState<SpeechStatus>({
    state: request ? 'waiting' : 'none',
    engine: null,
    seconds: 0,
  });
  const soundBusy = soundState === 'loading' || soundState === 'playing';
  const started = useRef(false);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!request || started.current || soundBusy) return;
    started.current = true;
    const voice = systemVoice(request);
    stop.current =
      voice === undefined ? speakOffline(request, setStatus) : speakWithSystem(request, voice, setStatus);
  }, [request, soundBusy]);
  useEffect(
    () => () => {
      stop.current?.();
      // React's development double mount runs this cleanup once: let the next mount start again.
      started.current = false;
    },
    [],
  );
  return status;
}
