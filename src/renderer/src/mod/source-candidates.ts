import type { ModBridge } from '../../../shared/api';
import { CHANNEL_HINT, normalizeTwitchChannel } from '../../../shared/channel-input';
import { sourceConfigSchema, type SourceConfig } from '../../../shared/settings';

export type NewKind = SourceConfig['type'];

/** The fields of the "add a source" form, as typed. */
export interface NewSourceFields {
  channel: string;
  anonymous: boolean;
  url: string;
  label: string;
  rate: string;
  seed: string;
  showTestAlerts: boolean;
}

export function uniqueId(base: string, sources: SourceConfig[]): string {
  let id = base.slice(0, 64);
  for (let n = 2; sources.some((source) => source.id === id); n++) id = `${base.slice(0, 60)}-${n}`;
  return id;
}

/** The config a new source of `kind` would get, before the shared schema checks it. */
function candidateFor(kind: NewKind, fields: NewSourceFields, sources: SourceConfig[]): unknown {
  switch (kind) {
    case 'twitch': {
      const channel = normalizeTwitchChannel(fields.channel) ?? fields.channel.trim();
      return { type: kind, id: uniqueId(`twitch:${channel}`, sources), channel, anonymous: fields.anonymous };
    }
    case 'chatkc':
      return {
        type: kind,
        id: uniqueId(`chatkc:${fields.label.trim() || 'main'}`, sources),
        url: fields.url.trim(),
        channel: fields.label.trim(),
      };
    case 'demo':
      return {
        type: kind,
        id: uniqueId('demo', sources),
        rate: Number(fields.rate),
        seed: Number(fields.seed),
      };
    case 'streamlabs':
      return { type: kind, id: uniqueId('streamlabs', sources), showTestAlerts: fields.showTestAlerts };
    case 'streamelements':
      return { type: kind, id: uniqueId('streamelements', sources) };
  }
}

/** A new source checked with the shared schema, or the reason it cannot be added, in words. */
export function newSource(
  kind: NewKind,
  fields: NewSourceFields,
  sources: SourceConfig[],
): { ok: true; source: SourceConfig } | { ok: false; error: string } {
  if (kind === 'twitch' && normalizeTwitchChannel(fields.channel) === null)
    return { ok: false, error: `Twitch channel: expected ${CHANNEL_HINT}` };
  const parsed = sourceConfigSchema.safeParse(candidateFor(kind, fields, sources));
  if (parsed.success) return { ok: true, source: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'source'}: ${issue?.message ?? 'invalid'}` };
}

/** Saves the source list at once (only `sources`: the rest of the settings stay as they are). */
export async function saveSources(
  bridge: ModBridge,
  sources: SourceConfig[],
): Promise<{ ok: true; sources: SourceConfig[] } | { ok: false; error: string }> {
  try {
    const result = await bridge.request('updateSettings', { sources });
    if (!result.ok) return { ok: false, error: result.message };
    return { ok: true, sources: result.settings?.sources ?? sources };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const TWITCH_FIELDS_DEFAULT: NewSourceFields = {
  channel: '',
  anonymous: true,
  url: 'wss://server.mattkc.com:2002',
  label: 'stream.mattkc.com',
  rate: '2',
  seed: '0',
  showTestAlerts: false,
};
