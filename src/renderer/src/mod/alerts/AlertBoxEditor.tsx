import { useEffect, useState } from 'react';
import { settingsPatchSchema } from '../../../../shared/api';
import type { AlertMediaFile } from '../../../../shared/alert-box/approval-types';
import type { AlertsSettings } from '../../../../shared/alert-box/presentation';
import type { AlertVariation } from '../../../../shared/alert-box/settings';
import { ALERT_TYPES, type AlertType } from '../../../../shared/events';
import { useModBridge, useModStore } from '../../store/store-context';
import { AlertPreview } from './AlertPreview';
import { useAlertControl } from './use-alert-control';

type Editable = Pick<AlertsSettings, 'mediaFolder' | 'types' | 'approval' | 'tts'>;

const editable = (alerts: AlertsSettings): Editable => ({
  mediaFolder: alerts.mediaFolder,
  types: alerts.types,
  approval: alerts.approval,
  tts: alerts.tts,
});

function conditionText(when: AlertVariation['when']): string {
  const parts = [
    when.minAmount !== undefined ? `amount ≥ ${when.minAmount}` : '',
    when.tier ? `tier ${when.tier}` : '',
    when.minMonths !== undefined ? `${when.minMonths}+ months` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'always';
}

/** One row per style (the base, then each variation in rule order) with a preview and a test button. */
function VariationRows({ alerts, alertType }: { alerts: AlertsSettings; alertType: AlertType }) {
  const control = useAlertControl();
  const [previewing, setPreviewing] = useState<string | null>(null);
  const rows: Array<{ id: string | null; label: string }> = [
    ...(alerts.types[alertType]?.variations ?? []).map((v) => ({
      id: v.id,
      label: `${v.name || v.id} (${conditionText(v.when)})`,
    })),
    { id: null, label: 'base style' },
  ];
  return (
    <ul className="compact-list">
      {rows.map((row) => (
        <li key={row.id ?? '(base)'} data-testid="alert-variation" data-variation={row.id ?? ''}>
          <div className="row">
            <span className="grow small">{row.label}</span>
            <button
              type="button"
              data-action="alert-preview"
              onClick={() => setPreviewing(previewing === (row.id ?? '') ? null : (row.id ?? ''))}
            >
              Preview
            </button>
            <button
              type="button"
              data-action="alert-test-variation"
              onClick={() =>
                void control(`Test ${alertType} ${row.id ?? 'base'}`, {
                  command: 'test',
                  alertType,
                  ...(row.id ? { variationId: row.id } : {}),
                })
              }
            >
              Test
            </button>
          </div>
          {previewing === (row.id ?? '') ? (
            <AlertPreview settings={alerts} alertType={alertType} variationId={row.id} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The alert box configuration as validated JSON, the media folder's files, and each variation's preview/test. */
export function AlertBoxEditor() {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const control = useAlertControl();
  const [alerts, setAlerts] = useState<AlertsSettings | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [media, setMedia] = useState<AlertMediaFile[] | null>(null);

  const load = (next: AlertsSettings): void => {
    setAlerts(next);
    setText(JSON.stringify(editable(next), null, 2));
  };
  useEffect(() => {
    bridge.request('getSettings', undefined).then(
      (settings) => load(settings.alerts),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [bridge]);
  if (!alerts) return error ? <p className="error">{error}</p> : <p className="muted">Loading…</p>;

  const save = async (): Promise<void> => {
    let edited: unknown;
    try {
      edited = JSON.parse(text);
    } catch {
      return setError('Not valid JSON.');
    }
    const parsed = settingsPatchSchema.safeParse({ alerts: { ...alerts, ...(edited as object) } });
    if (!parsed.success || !parsed.data.alerts) {
      const issue = parsed.success ? undefined : parsed.error.issues[0];
      return setError(`${issue?.path.join('.') || 'alerts'}: ${issue?.message ?? 'invalid'}`);
    }
    setError(null);
    const result = await bridge.request('updateSettings', { alerts: parsed.data.alerts });
    if (result.ok && result.settings) load(result.settings.alerts);
    pushToast(result.ok ? 'ok' : 'error', result.ok ? 'Alert box saved' : `Not saved: ${result.message}`);
  };

  const configured = ALERT_TYPES.filter((type) => alerts.types[type]);
  return (
    <>
      <h4 id="alert-config-title">Alert box (styles, variations, media, approval, text-to-speech)</h4>
      <textarea
        aria-labelledby="alert-config-title"
        aria-describedby="alert-config-help"
        className="alert-config"
        data-testid="alert-config"
        spellCheck={false}
        rows={14}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <p id="alert-config-help" className="muted small">
        JSON, checked on Save: per alert type a style and its variations (first match wins); see the README,
        section Alerts.
      </p>
      {error ? <p className="error small">{error}</p> : null}
      <div className="row wrap">
        <button type="button" data-action="alert-config-save" onClick={() => void save()}>
          Save
        </button>
        <button
          type="button"
          data-action="alert-media-list"
          onClick={() =>
            void control('List media', { command: 'listMedia' }).then((r) => setMedia(r.media ?? []))
          }
        >
          List media folder
        </button>
      </div>
      {media ? (
        <p className="small muted" data-testid="alert-media-files">
          {media.length === 0
            ? 'No usable files (set mediaFolder; images, WebM/MP4, OGG/MP3/WAV up to 25 MB).'
            : media.map((file) => `${file.name} (${file.kind})`).join(', ')}
        </p>
      ) : null}
      {configured.map((alertType) => (
        <div key={alertType}>
          <h4>{alertType}</h4>
          <VariationRows alerts={alerts} alertType={alertType} />
        </div>
      ))}
    </>
  );
}
