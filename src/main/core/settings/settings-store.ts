import { promises as fs, constants as fsConstants } from 'node:fs';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings';
import { applySettingsPatch, type SettingsPatch } from '../../../shared/settings-patch';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-write';
import { decodeText, parseJsonc } from './jsonc';
import { repairSettings } from './settings-repair';

export interface SettingsLoadResult {
  settings: Settings;
  /** What was wrong with the file, one line each; empty when it loaded cleanly or does not exist. */
  problems: string[];
  /** The file exists but nothing in it could be used: OnAir starts with no sources (never the demo). */
  unreadable: boolean;
  /** Invalid sources were left out: the demo must not stand in for them. */
  sourcesDropped: boolean;
}

export type SettingsUpdate =
  { ok: true; settings: Settings; before: Settings } | { ok: false; error: string };

/** Runs after a successful save, still inside the update's turn (so side effects apply in order too). */
export type AfterSave = (next: Settings, before: Settings) => Promise<void>;

/** Human-readable summary of a schema failure, e.g. `sources.0.channel: a Twitch login …`. */
export function describeIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

const errorText = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/**
 * Settings in a JSON file. Loading keeps every valid part of a damaged file and reports the rest; the user's
 * file is never renamed away, and a copy of it (`settings.json.broken-<time>`) is made before the first save
 * replaces it. Updates are patches applied one at a time, in call order, each written atomically.
 */
export class SettingsStore {
  private current: Settings = defaultSettings();
  private turn: Promise<unknown> = Promise.resolve();
  private copyBeforeWrite = false;

  constructor(
    private readonly path: string,
    private readonly log: Logger,
  ) {}

  get(): Settings {
    return this.current;
  }

  async load(): Promise<SettingsLoadResult> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.loaded([], false);
      return this.unusable(`cannot read it (${errorText(error)})`);
    }
    const text = decodeText(bytes);
    if (text.trim() === '') return this.loaded([], false);
    let raw: unknown;
    try {
      raw = parseJsonc(text);
    } catch (error) {
      // V8's message quotes the text around the fault, newlines included: keep it on one line.
      return this.unusable(`not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`);
    }
    const repaired = repairSettings(raw);
    if (!repaired) return this.unusable('not a settings object');
    this.current = repaired.settings;
    const problems = repaired.dropped.map(
      (part) => `${part.what}: ${part.why} (${part.source ? 'left out' : 'using the default'})`,
    );
    return this.loaded(
      problems,
      repaired.dropped.some((part) => part.source),
    );
  }

  /** Applies a patch after every earlier one: merge, validate the whole, write, then `afterSave`. */
  update(patch: SettingsPatch, afterSave?: AfterSave): Promise<SettingsUpdate> {
    const result = this.turn.then(() => this.applyPatch(patch, afterSave));
    this.turn = result.catch(() => {});
    return result;
  }

  private async applyPatch(patch: SettingsPatch, afterSave?: AfterSave): Promise<SettingsUpdate> {
    const before = this.current;
    const parsed = settingsSchema.safeParse(applySettingsPatch(before, patch));
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    try {
      await this.keepUsersFile();
      await writeFileAtomic(this.path, `${JSON.stringify(parsed.data, null, 2)}\n`);
    } catch (error) {
      this.log.error('cannot save the settings', error);
      return { ok: false, error: `Cannot save the settings: ${(error as Error).message}` };
    }
    this.current = parsed.data;
    await afterSave?.(parsed.data, before);
    return { ok: true, settings: parsed.data, before };
  }

  private loaded(problems: string[], sourcesDropped: boolean): SettingsLoadResult {
    this.copyBeforeWrite = problems.length > 0;
    if (problems.length > 0)
      this.log.warn(`settings file ${this.path}: kept the valid parts; ${problems.join('; ')}`);
    return { settings: this.current, problems, unreadable: false, sourcesDropped };
  }

  private unusable(problem: string): SettingsLoadResult {
    this.current = defaultSettings();
    this.copyBeforeWrite = true;
    this.log.error(`settings file ${this.path} is unusable (${problem}); starting with no sources`);
    return { settings: this.current, problems: [problem], unreadable: true, sourcesDropped: true };
  }

  /** Before the first save over a file that did not load cleanly: copy it aside, or refuse to save. */
  private async keepUsersFile(): Promise<void> {
    if (!this.copyBeforeWrite) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const copy = `${this.path}.broken-${stamp}`;
    try {
      await fs.copyFile(this.path, copy, fsConstants.COPYFILE_EXCL);
      this.log.warn(`kept the settings file as it was in ${copy} before saving over it`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new Error(`could not keep a copy of the settings file as ${copy} (${errorText(error)})`, {
          cause: error,
        });
    }
    this.copyBeforeWrite = false;
  }
}
