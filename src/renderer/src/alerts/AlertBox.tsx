import { useEffect, useState } from 'react';
import { ANIMATION_MS, type AlertPresentation } from '../../../shared/alert-box/types';
import type { Alert } from '../../../shared/events';
import { alertHeadline } from '../common/alert-text';
import { MessageParts } from '../common/MessageParts';
import { useAlertSound, useAlertSpeech } from './use-alert-audio';
import './alert-box.css';

export interface AlertBoxProps {
  alert: Alert;
  presentation: AlertPresentation | null;
  /** When the alert leaves the screen (ms since epoch); its exit animation ends there. */
  endsAt: number | null;
  /** Skipped: play the exit animation now. */
  exiting: boolean;
  /** The console's preview: no sound, no speech. */
  silent?: boolean;
}

function useTimeUp(endsAt: number | null): boolean {
  const [timeUp, setTimeUp] = useState(false);
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setTimeout(() => setTimeUp(true), Math.max(0, endsAt - ANIMATION_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [endsAt]);
  return timeUp;
}

function AlertMedia({ image }: { image: AlertPresentation['image'] }) {
  if (!image) return null;
  return image.kind === 'video' ? (
    <video
      className="onair-ab-media"
      data-testid="alert-media"
      src={image.url}
      autoPlay
      muted
      loop
      playsInline
    />
  ) : (
    <img className="onair-ab-media" data-testid="alert-media" src={image.url} alt="" />
  );
}

/** One alert on the alert box: media, text, viewer message; its sound and speech play in this page. */
export function AlertBox({ alert, presentation, endsAt, exiting, silent = false }: AlertBoxProps) {
  const timeUp = useTimeUp(endsAt);
  const sound = useAlertSound(silent ? null : (presentation?.sound ?? null));
  const speech = useAlertSpeech(silent ? null : (presentation?.speech ?? null), sound);
  const phase = exiting || timeUp ? 'exit' : 'enter';
  const animation = phase === 'exit' ? presentation?.exit : presentation?.enter;
  const layout = presentation?.layout ?? 'image-above';
  return (
    <div
      className={`onair-ab onair-ab--${layout} onair-ab--${alert.alertType} onair-ab-${phase}-${animation ?? 'fade'}`}
      data-testid="alert-box"
      data-alert-id={alert.id}
      data-alert-type={alert.alertType}
      data-variation={presentation?.variationId ?? ''}
      data-phase={phase}
      data-sound-state={sound}
      data-tts-state={speech.state}
      data-tts-engine={speech.engine ?? ''}
      data-tts-seconds={speech.seconds.toFixed(2)}
      role="status"
    >
      <AlertMedia image={presentation?.image ?? null} />
      <div className="onair-ab-body">
        <div className="onair-ab-text" data-testid="alert-text">
          {presentation?.text ?? alertHeadline(alert)}
        </div>
        {alert.message && alert.message.length > 0 ? (
          <div className="onair-ab-message" data-testid="alert-message">
            <MessageParts parts={alert.message} clickableLinks={false} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
