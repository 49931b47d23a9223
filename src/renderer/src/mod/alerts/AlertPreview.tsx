import { useMemo } from 'react';
import { presentAlert, type AlertsSettings } from '../../../../shared/alert-box/presentation';
import { buildSampleAlert, fitSampleTo } from '../../../../shared/alert-box/samples';
import type { AlertType } from '../../../../shared/events';
import { AlertBox } from '../../alerts/AlertBox';

const PREVIEW_SOURCE = { sourceId: 'preview', provider: 'demo', channel: 'preview' } as const;

/** A still of one variation as the /alerts page would show it (no sound, no speech), from the saved settings. */
export function AlertPreview({
  settings,
  alertType,
  variationId,
}: {
  settings: AlertsSettings;
  alertType: AlertType;
  variationId: string | null;
}) {
  const { alert, presentation } = useMemo(() => {
    const variation = settings.types[alertType]?.variations.find((item) => item.id === variationId);
    const sample = buildSampleAlert(alertType, PREVIEW_SOURCE, `preview-${alertType}`, 0);
    const fitted = variation ? fitSampleTo(sample, variation.when) : sample;
    return { alert: fitted, presentation: presentAlert(fitted, settings) };
  }, [settings, alertType, variationId]);
  return (
    <div
      className="alert-preview"
      data-testid="alert-preview"
      data-variation={presentation.variationId ?? ''}
    >
      <AlertBox alert={alert} presentation={presentation} endsAt={null} exiting={false} silent />
    </div>
  );
}
