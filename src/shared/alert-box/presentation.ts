import type { Alert } from '../events';
import type { Settings } from '../settings';
import { decideSpeech } from './speech';
import { DEFAULT_TEMPLATES, renderTemplate } from './template';
import { alertMediaUrl, type AlertPresentation, type SpeechRequest } from './types';
import { chooseStyle } from './variations';

export type AlertsSettings = Settings['alerts'];

const VIDEO_EXTENSIONS = /\.(webm|mp4)$/i;
/** Reading takes about this long per character (eSpeak at rate 1 reads ~14 chars/s); the alert waits for it. */
const SPEECH_MS_PER_CHAR = 75;
const SPEECH_LEAD_MS = 2500;
const MAX_DURATION_MS = 120_000;

function speechFor(alert: Alert, settings: AlertsSettings): SpeechRequest | null {
  const decision = decideSpeech(alert, settings.tts);
  if (!decision.speak) return null;
  const { engine, voice, rate, volume } = settings.tts;
  return { text: decision.text, engine, voice, rate, volume };
}

/**
 * Everything the alert box needs to show one alert: the matching variation's style over the type's base
 * style over the defaults, the filled template, media URLs and what to read aloud. Pure, so the console's
 * preview and the /alerts page show the same thing.
 */
export function presentAlert(alert: Alert, settings: AlertsSettings, locale?: string): AlertPresentation {
  const { variationId, style } = chooseStyle(alert, settings.types[alert.alertType]);
  const hasFolder = settings.mediaFolder.trim().length > 0;
  const image = hasFolder && style.image ? style.image : '';
  const sound = hasFolder && style.sound ? style.sound : '';
  const speech = speechFor(alert, settings);
  let durationMs = (style.durationSeconds ?? settings.durationSeconds) * 1000;
  if (speech) durationMs = Math.max(durationMs, SPEECH_LEAD_MS + speech.text.length * SPEECH_MS_PER_CHAR);
  return {
    variationId,
    text: renderTemplate(style.template ?? DEFAULT_TEMPLATES[alert.alertType], alert, locale),
    image: image
      ? { url: alertMediaUrl(image), kind: VIDEO_EXTENSIONS.test(image) ? 'video' : 'image' }
      : null,
    sound: sound ? { url: alertMediaUrl(sound), volume: style.volume ?? 0.8 } : null,
    durationMs: Math.min(MAX_DURATION_MS, durationMs),
    enter: style.enter ?? 'fade',
    exit: style.exit ?? 'fade',
    layout: style.layout ?? 'image-above',
    speech,
  };
}
