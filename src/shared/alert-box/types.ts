import type { AlertType } from '../events';

/** Plain constants and types of the alert box, without zod, so the /alerts page bundle stays small. */

export const ALERT_ANIMATIONS = ['none', 'fade', 'slide-up', 'slide-down', 'zoom', 'bounce'] as const;
export type AlertAnimation = (typeof ALERT_ANIMATIONS)[number];

export const ALERT_LAYOUTS = ['image-above', 'image-beside'] as const;
export type AlertLayout = (typeof ALERT_LAYOUTS)[number];

export const TTS_ENGINES = ['auto', 'system', 'offline'] as const;
export type TtsEngine = (typeof TTS_ENGINES)[number];

/** Alert types whose viewer message may be read aloud. */
export const SPOKEN_ALERT_TYPES = ['donation', 'cheer', 'resub'] as const satisfies readonly AlertType[];

/** Every animation's length, in the page's CSS (alerts.css) and in the queue's skip timing. */
export const ANIMATION_MS = 600;

/** Where the server serves a media folder file; the name is one path segment. */
export const ALERT_MEDIA_PREFIX = '/alert-media/';

export function alertMediaUrl(name: string): string {
  return `${ALERT_MEDIA_PREFIX}${encodeURIComponent(name)}`;
}

export interface SpeechRequest {
  /** What to read: the viewer's message after the filters, plain text. */
  text: string;
  engine: TtsEngine;
  voice: string;
  rate: number;
  volume: number;
}

/** How the alert box shows one alert: everything resolved, so the page only draws and plays it. */
export interface AlertPresentation {
  /** The variation that matched, or null for the type's base style. */
  variationId: string | null;
  /** The template with its variables filled in; plain text. */
  text: string;
  image: { url: string; kind: 'image' | 'video' } | null;
  sound: { url: string; volume: number } | null;
  durationMs: number;
  enter: AlertAnimation;
  exit: AlertAnimation;
  layout: AlertLayout;
  /** Null when text-to-speech is off or the message did not pass the filters. */
  speech: SpeechRequest | null;
}
