import type { SettingsLoadResult } from './settings-store';

const SHOWN = 8;

/**
 * What the user is told about a settings file that did not load cleanly: on stdout (headless) and as the
 * first notice in the mod console. Null when there is nothing to say.
 */
export function settingsLoadNotice(
  result: SettingsLoadResult,
  path: string,
): { level: 'warning' | 'error'; text: string } | null {
  if (result.problems.length === 0) return null;
  const kept = `The file was not changed; before OnAir first saves settings it keeps a copy as ${path}.broken-<time>.`;
  if (result.unreadable) {
    return {
      level: 'error',
      text: `Your settings file ${path} could not be used (${result.problems[0]}). OnAir started with no sources (no demo chat). ${kept} Fix the file and restart, or set up sources in Settings.`,
    };
  }
  const listed = result.problems.slice(0, SHOWN).join('; ');
  const more = result.problems.length > SHOWN ? `; and ${result.problems.length - SHOWN} more` : '';
  return {
    level: 'warning',
    text: `Your settings file ${path} has invalid parts; everything else was loaded. ${listed}${more}. ${kept}`,
  };
}
