import { useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { changedSettings, settingsPatchSchema } from '../../../shared/settings-patch';
import { parseDurationList } from '../../../shared/duration-input';
import { useModBridge, useModStore } from '../store/store-context';
import { SourcesEditor } from './SourcesEditor';
import {
  AlertsSection,
  EmotesSection,
  EndpointsSection,
  OverlaySection,
  TwitchSection,
} from './SettingsSections';
import { useSettingsDraft, type SettingsDraft } from './use-settings-draft';
import { HighlightsSection } from './search/HighlightRulesEditor';

const list = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Settings from the core. Sources are saved as they change; the other options are edited as a draft and saved
 * in one validated patch of only the fields that changed, so whatever else changed meanwhile (the desktop
 * overlay's remembered position, another console) stays. Unsaved changes survive switching tabs.
 */
export function SettingsPanel() {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const { saved, draft: form, dirty, loadError, setDraft: setForm, load, sourcesSaved } = useSettingsDraft();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!form || !saved)
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
    const patch = changedSettings(saved.settings, {
      ...draft,
      twitch: { ...draft.twitch, timeoutPresets: presets.seconds },
      overlay: { ...draft.overlay, hiddenUsers: list(form.hiddenText).map((name) => name.toLowerCase()) },
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
      <EmotesSection draft={draft} setDraft={setDraft} />
      <HighlightsSection draft={draft} setDraft={setDraft} />
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
        <button type="button" data-action="revert-settings" disabled={!dirty} onClick={revert}>
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
