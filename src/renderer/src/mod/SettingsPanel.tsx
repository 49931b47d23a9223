import { useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { settingsPatchSchema } from '../../../shared/api';
import { parseDurationList } from '../../../shared/duration-input';
import { useModBridge, useModStore } from '../store/store-context';
import { SourcesEditor } from './SourcesEditor';
import { AlertsSection, EndpointsSection, OverlaySection, TwitchSection } from './SettingsSections';
import { useSettingsDraft, type SettingsDraft } from './use-settings-draft';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Settings from the core. Sources are saved as they change; the other options are edited as a draft and saved
 * in one validated patch. Unsaved changes survive switching tabs and are flagged until saved or reverted.
 */
export function SettingsPanel() {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const { draft: form, dirty, loadError, setDraft: setForm, load, sourcesSaved } = useSettingsDraft();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!form)
    return (
      <section className="panel">
        {loadError ? <p className="error">{loadError}</p> : <p className="muted">Loading settings…</p>}
      </section>
    );
  const draft = form.settings;
  const setDraft = (settings: Settings): void => setForm({ ...form, settings });

  const save = async (): Promise<void> => {
    const presets = parseDurationList(form.presetsText);
    if (!presets.ok) {
      setError(`Timeout presets: ${presets.error}`);
      return;
    }
    const patch = {
      sources: draft.sources,
      twitch: { ...draft.twitch, timeoutPresets: presets.seconds },
      overlay: { ...draft.overlay, hiddenUsers: list(form.hiddenText).map((name) => name.toLowerCase()) },
      alerts: draft.alerts,
      endpoints: draft.endpoints,
    };
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

  const revert = (): void => {
    setError(null);
    void bridge.request('getSettings', undefined).then(load);
  };
  const setText = (change: Partial<SettingsDraft>): void => setForm({ ...form, ...change });

  return (
    <section className="panel settings" aria-label="Settings" data-testid="settings-panel">
      <h3>Sources</h3>
      <p className="hint">Where chat and alerts come from. Changes here are saved at once.</p>
      <SourcesEditor sources={draft.sources} onSaved={sourcesSaved} />
      <TwitchSection draft={draft} setDraft={setDraft} presetsText={form.presetsText} setText={setText} />
      <OverlaySection draft={draft} setDraft={setDraft} hiddenText={form.hiddenText} setText={setText} />
      <AlertsSection draft={draft} setDraft={setDraft} />
      <EndpointsSection draft={draft} setDraft={setDraft} />
      {error ? (
        <p className="error" data-testid="settings-error">
          {error}
        </p>
      ) : null}
      <div className={dirty ? 'save-bar dirty' : 'save-bar'} data-testid="settings-save-bar">
        <span className="grow small" role="status">
          {dirty ? 'Unsaved changes' : 'All changes saved'}
        </span>
        <button type="button" disabled={!dirty} onClick={revert}>
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
