import { z } from 'zod';
import { settingsSchema, sourceConfigSchema, type Settings, type SourceConfig } from './settings';

/** The settings sections that are objects: a patch names the fields it changes, the rest stay as they are. */
export const SETTINGS_SECTIONS = [
  'endpoints',
  'twitch',
  'overlay',
  'alerts',
  'server',
  'storage',
  'emotes',
  'highlights',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/**
 * A change to the settings: only what it names changes. `sources` is replaced as a whole list (sources are
 * edited as one list); every other section is merged field by field.
 */
export type SettingsPatch = { version?: 1; sources?: SourceConfig[] } & {
  [K in SettingsSection]?: Partial<Settings[K]>;
};

/** A schema's inner type without its `.default()` / `.prefault()` wrappers. */
function withoutDefault(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault)
    return withoutDefault(schema.unwrap() as z.ZodType);
  return schema;
}

/** One section's patch: every field optional and, unlike the file schema, without defaults. */
function sectionPatchSchema(section: z.ZodType): z.ZodType {
  const object = withoutDefault(section);
  if (!(object instanceof z.ZodObject)) throw new Error('settings sections are objects');
  const fields = Object.entries(object.shape as Record<string, z.ZodType>).map(
    ([key, field]) => [key, withoutDefault(field).optional()] as const,
  );
  return z.strictObject(Object.fromEntries(fields)).optional();
}

const sectionSchemas = Object.fromEntries(
  SETTINGS_SECTIONS.map((name) => [name, sectionPatchSchema(settingsSchema.shape[name])] as const),
);

/**
 * Validates a patch without filling anything in: a default here would overwrite the user's value for every
 * field the patch left out (Save with no change used to reset `server.port`). Unknown keys are refused, so a
 * misspelt field is an error instead of an `ok` that changed nothing. The cast restores the static type that
 * the generated shape loses; the shape is built from the same schema `Settings` is inferred from.
 */
export const settingsPatchSchema = z.strictObject({
  version: z.literal(1).optional(),
  sources: z.array(sourceConfigSchema).max(50).optional(),
  ...sectionSchemas,
}) as unknown as z.ZodType<SettingsPatch>;

/** `current` with the patch applied; still to be validated as a whole (`settingsSchema`). */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  if (patch.sources !== undefined) next.sources = patch.sources;
  for (const section of SETTINGS_SECTIONS) {
    const change = patch[section];
    if (change !== undefined) next[section] = { ...current[section], ...change };
  }
  return next;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The patch that turns `before` into `after`: only the fields that differ (what an editor should send). */
export function changedSettings(before: Settings, after: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  if (!same(before.sources, after.sources)) patch.sources = after.sources;
  for (const section of SETTINGS_SECTIONS) {
    const was: Record<string, unknown> = before[section];
    const now: Record<string, unknown> = after[section];
    const changed = Object.keys(now).filter((key) => !same(was[key], now[key]));
    if (changed.length > 0) patch[section] = Object.fromEntries(changed.map((key) => [key, now[key]]));
  }
  return patch as SettingsPatch;
}
