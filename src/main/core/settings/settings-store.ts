import { promises as fs } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { settingsSchema, type Settings } from '../../../shared/settings';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from '../storage/atomic-write';

export interface SettingsLoadResult {
  settings: Settings;
  /** Set when the file could not be used; it was kept aside under this path and defaults were used. */
  brokenFileKeptAs?: string;
  problem?: string;
}

/** Human-readable summary of a schema failure, e.g. `sources.0.channel: a Twitch login …`. */
export function describeIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Settings in a validated JSON file, written atomically. A broken file is never silently lost: it is renamed
 * aside (`settings.broken-<time>.json`), reported, and defaults are used.
 */
export class SettingsStore {
  private current: Settings = settingsSchema.parse({});

  constructor(
    private readonly path: string,
    private readonly log: Logger,
  ) {}

  get(): Settings {
    return this.current;
  }

  async load(): Promise<SettingsLoadResult> {
    let text: string;
    try {
      text = await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: this.current };
      throw error;
    }
    const problem = this.validate(text);
    if (typeof problem !== 'string') {
      this.current = problem;
      return { settings: this.current };
    }
    const keptAs = await this.keepAside();
    this.log.warn(`settings file unusable (${problem}); kept aside as ${keptAs}; using defaults`);
    return { settings: this.current, brokenFileKeptAs: keptAs, problem };
  }

  /** Validates and saves a whole new settings object; returns the error text when invalid. */
  async replace(
    candidate: unknown,
  ): Promise<{ ok: true; settings: Settings } | { ok: false; error: string }> {
    const parsed = settingsSchema.safeParse(candidate);
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    await writeFileAtomic(this.path, `${JSON.stringify(parsed.data, null, 2)}\n`);
    this.current = parsed.data;
    return { ok: true, settings: parsed.data };
  }

  private validate(text: string): Settings | string {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return `not JSON: ${(error as Error).message}`;
    }
    const parsed = settingsSchema.safeParse(json);
    return parsed.success ? parsed.data : describeIssues(parsed.error);
  }

  private async keepAside(): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = join(dirname(this.path), `${basename(this.path, '.json')}.broken-${stamp}.json`);
    await fs.rename(this.path, target);
    return target;
  }
}
