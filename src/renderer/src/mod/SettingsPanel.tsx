import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { changedSettings, settingsPatchSchema } from '../../../shared/settings-patch';
import { useModBridge, useModStore } from '../store/store-context';
import { SourcesEditor } from './SourcesEditor';
import { BrowserSourceUrl } from './BrowserSourceUrl';
import { CheckField, NumberField } from './fields';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Settings from the core, edited as a draft and saved in one validated patch of only the fields that changed:
 * whatever else changed meanwhile (the desktop overlay's remembered position, another console) stays.
 */
export function SettingsPanel() {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [presetsText, setPresetsText] = useState('');
  const [hiddenText, setHiddenText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = (settings: Settings): void => {
    setSaved(settings);
    setDraft(settings);
    setPresetsText(settings.twitch.timeoutPresets.join(', '));
    setHiddenText(settings.overlay.hiddenUsers.join(', '));
  };

  useEffect(() => {
    bridge
      .request('getSettings', undefined)
      .then(load, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge]);

  if (!draft || !saved)
    return (
      <section className="panel">
        {error ? <p className="error">{error}</p> : <p className="muted">Loading settings…</p>}
      </section>
    );

  const save = async (): Promise<void> => {
    const presets = list(presetsText).map(Number);
    const patch = changedSettings(saved, {
      ...draft,
      twitch: { ...draft.twitch, timeoutPresets: presets },
      overlay: { ...draft.overlay, hiddenUsers: list(hiddenText).map((name) => name.toLowerCase()) },
    });
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setSaving(true);
    try {
      const result = await bridge.request('updateSettings', parsed.data);
      if (!result.ok) setError(result.message);
      else {
        setError(null);
        if (result.settings) load(result.settings);
        pushToast('ok', 'Settings saved');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const overlay = draft.overlay;
  const setOverlay = (change: Partial<Settings['overlay']>): void =>
    setDraft({ ...draft, overlay: { ...overlay, ...change } });
  const setAlerts = (change: Partial<Settings['alerts']>): void =>
    setDraft({ ...draft, alerts: { ...draft.alerts, ...change } });
  const setEndpoint = (key: keyof Settings['endpoints'], value: string): void =>
    setDraft({ ...draft, endpoints: { ...draft.endpoints, [key]: value } });

  return (
    <section className="panel settings" aria-label="Settings" data-testid="settings-panel">
      <h3>Sources</h3>
      <SourcesEditor sources={draft.sources} onChange={(sources) => setDraft({ ...draft, sources })} />
      <h3>Twitch</h3>
      <label className="field">
        Client id (dev.twitch.tv, public — no secret)
        <input
          value={draft.twitch.clientId}
          maxLength={64}
          onChange={(e) =>
            setDraft({ ...draft, twitch: { ...draft.twitch, clientId: e.target.value.trim() } })
          }
        />
      </label>
      <label className="field">
        Timeout presets (seconds, comma-separated)
        <input
          data-testid="timeout-presets"
          value={presetsText}
          onChange={(e) => setPresetsText(e.target.value)}
        />
      </label>
      <h3>Overlay</h3>
      <BrowserSourceUrl />
      <div className="row wrap">
        <NumberField
          label="max lines"
          min={1}
          max={200}
          value={overlay.maxLines}
          onChange={(value) => setOverlay({ maxLines: value })}
        />
        <NumberField
          label="fade after (s, 0 = never)"
          min={0}
          max={3600}
          value={overlay.fadeSeconds}
          onChange={(value) => setOverlay({ fadeSeconds: value })}
        />
        <CheckField
          label="hide !commands"
          checked={overlay.hideCommands}
          onChange={(checked) => setOverlay({ hideCommands: checked })}
        />
        <CheckField
          label="show alerts"
          checked={overlay.showAlerts}
          onChange={(checked) => setOverlay({ showAlerts: checked })}
        />
      </div>
      <label className="field">
        Hidden users (bots), comma-separated
        <input value={hiddenText} onChange={(e) => setHiddenText(e.target.value)} />
      </label>
      <h3>Alerts</h3>
      <div className="row wrap">
        <NumberField
          label="seconds on screen"
          min={1}
          max={120}
          value={draft.alerts.durationSeconds}
          onChange={(value) => setAlerts({ durationSeconds: value })}
        />
        <NumberField
          label="min bits"
          min={0}
          value={draft.alerts.minBits}
          onChange={(value) => setAlerts({ minBits: value })}
        />
        <NumberField
          label="min donation"
          min={0}
          step="0.01"
          value={draft.alerts.minDonation}
          onChange={(value) => setAlerts({ minDonation: value })}
        />
      </div>
      <details>
        <summary>Endpoints (advanced)</summary>
        {(Object.keys(draft.endpoints) as Array<keyof Settings['endpoints']>).map((key) => (
          <label key={key} className="field">
            {key}
            <input value={draft.endpoints[key]} onChange={(e) => setEndpoint(key, e.target.value)} />
          </label>
        ))}
      </details>
      {error ? (
        <p className="error" data-testid="settings-error">
          {error}
        </p>
      ) : null}
      <div className="row end">
        <button type="button" onClick={() => void bridge.request('getSettings', undefined).then(load)}>
          Revert
        </button>
        <button
          type="button"
          className="primary"
          data-action="save-settings"
          disabled={saving}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </section>
  );
}
