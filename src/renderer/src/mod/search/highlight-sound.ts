import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../../../shared/events';
import { messageKey } from '../../../../shared/removal';
import { useModStore } from '../../store/store-context';
import type { Highlighter } from './highlighter';
import { BEEP_GAP_MS, newSoundHit } from './sound-scan';

let audio: AudioContext | null = null;

/** A short generated beep (no sound file to ship); silent where the page may not play audio yet. */
function beep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => {});
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.15);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.15);
  } catch {
    // No audio device or no AudioContext: the colour and the panel still show the highlight.
  }
}

/** Plays the beep when a newly arrived line matches a rule with sound on, unless sounds are muted. */
export function useHighlightSound(messages: readonly ChatMessage[], highlighter: Highlighter): void {
  const muted = useModStore((state) => state.highlights.muted);
  const lastKey = useRef<string | null>(null);
  const lastBeepAt = useRef(-Infinity);
  const synced = useModStore((state) => state.synced);
  useEffect(() => {
    if (!synced) return;
    const ring = newSoundHit(messages, lastKey.current, highlighter);
    lastKey.current = messages.length > 0 ? messageKey(messages[messages.length - 1]) : '';
    const now = performance.now();
    if (!ring || muted || now - lastBeepAt.current < BEEP_GAP_MS) return;
    lastBeepAt.current = now;
    beep();
  }, [messages, highlighter, muted, synced]);
}
