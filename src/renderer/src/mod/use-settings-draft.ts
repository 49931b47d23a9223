import { useEffect, useRef, useState } from 'react';
import type { ModBridge } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { formatDurationInput } from '../../../shared/duration-input';
import { useModBridge, useModStore } from '../store/store-context';

/** The settings form's editable state: the draft plus the two list fields as typed. */
export interface SettingsDraft {
  settings: Settings;
  presetsText: string;
  hiddenText: string;
}

export const draftOf = (settings: Settings): SettingsDraft => ({
  settings,
  presetsText: settings.twitch.timeoutPresets.map(formatDurationInput).join(', '),
  hiddenText: settings.overlay.hiddenUsers.join(', '),
});

const same = (a: SettingsDraft, b: SettingsDraft): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Unsaved drafts kept while the Settings tab is closed (per console), so switching tabs never loses them. */
const keptDrafts = new WeakMap<ModBridge, SettingsDraft>();

/**
 * The settings as loaded (`saved`) and as edited (`draft`). Leaving the tab with unsaved changes keeps them
 * (and says so); closing the browser page with unsaved changes asks first.
 */
export function useSettingsDraft() {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const [saved, setSaved] = useState<SettingsDraft | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const dirty = saved !== null && draft !== null && !same(saved, draft);
  // What the unmount cleanup sees: the last rendered draft.
  const latest = useRef({ draft, dirty });
  useEffect(() => {
    latest.current = { draft, dirty };
  });

  useEffect(() => {
    bridge.request('getSettings', undefined).then(
      (settings) => {
        const fresh = draftOf(settings);
        const kept = keptDrafts.get(bridge);
        keptDrafts.delete(bridge);
        setSaved(fresh);
        // Sources are saved as they change, so a kept draft takes the current list.
        setDraft(kept ? { ...kept, settings: { ...kept.settings, sources: settings.sources } } : fresh);
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      const { draft: last, dirty: unsaved } = latest.current;
      if (!unsaved || !last) return;
      keptDrafts.set(bridge, last);
      pushToast(
        'info',
        'Settings not saved yet: your changes wait in the Settings tab (Save or Revert there).',
      );
    };
  }, [bridge, pushToast]);

  useEffect(() => {
    // Browser only: in Electron a cancelled unload silently keeps the window open and blocks quitting.
    if (!dirty || window.onair !== undefined) return;
    const ask = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  return {
    saved,
    draft,
    dirty,
    loadError,
    setDraft,
    /** The core's settings became these (after a save or a revert). */
    load: (settings: Settings) => {
      setSaved(draftOf(settings));
      setDraft(draftOf(settings));
    },
    /** The source list was saved on its own: both sides take it, other edits stay. */
    sourcesSaved: (sources: Settings['sources']) => {
      setSaved((s) => s && { ...s, settings: { ...s.settings, sources } });
      setDraft((d) => d && { ...d, settings: { ...d.settings, sources } });
    },
  };
}
