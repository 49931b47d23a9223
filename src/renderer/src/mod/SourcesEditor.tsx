import { useState } from 'react';
import type { SourceConfig } from '../../../shared/settings';
import { sourceConfigSchema } from '../../../shared/settings';
import { SOURCE_SECRETS } from '../../../shared/source-secrets';
import { SourceSecretForm } from './SourceSecretForm';

interface SourcesEditorProps {
  sources: SourceConfig[];
  onChange(sources: SourceConfig[]): void;
}

type NewKind = SourceConfig['type'];

function describe(source: SourceConfig): string {
  switch (source.type) {
    case 'twitch':
      return `Twitch #${source.channel}${source.anonymous ? ' (anonymous)' : ''}`;
    case 'chatkc':
      return `ChatKC ${source.channel} — ${source.url}`;
    case 'demo':
      return `Demo (not a real chat) — ${source.rate} msg/s, seed ${source.seed || 'random'}`;
    case 'streamlabs':
      return `Streamlabs tips${source.showTestAlerts ? ' (with dashboard test alerts)' : ''}`;
    case 'streamelements':
      return 'StreamElements tips';
  }
}

interface NewSourceFields {
  channel: string;
  anonymous: boolean;
  url: string;
  label: string;
  rate: string;
  seed: string;
  showTestAlerts: boolean;
}

/** The config a new source of `kind` would get, before the shared schema checks it. */
function candidateFor(kind: NewKind, fields: NewSourceFields, sources: SourceConfig[]): unknown {
  switch (kind) {
    case 'twitch': {
      const channel = fields.channel.trim().toLowerCase();
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

function uniqueId(base: string, sources: SourceConfig[]): string {
  let id = base.slice(0, 64);
  for (let n = 2; sources.some((source) => source.id === id); n++) id = `${base.slice(0, 60)}-${n}`;
  return id;
}

/** Add/remove/enable sources. New entries are checked with the shared schema before they join the draft. */
export function SourcesEditor({ sources, onChange }: SourcesEditorProps) {
  const [kind, setKind] = useState<NewKind>('twitch');
  const [channel, setChannel] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [url, setUrl] = useState('wss://server.mattkc.com:2002');
  const [label, setLabel] = useState('stream.mattkc.com');
  const [rate, setRate] = useState('2');
  const [seed, setSeed] = useState('0');
  const [showTestAlerts, setShowTestAlerts] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = (): void => {
    const fields = { channel, anonymous, url, label, rate, seed, showTestAlerts };
    const candidate = candidateFor(kind, fields, sources);
    const parsed = sourceConfigSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') || 'source'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setError(null);
    onChange([...sources, parsed.data]);
    setChannel('');
  };

  return (
    <div className="sources-editor" data-testid="sources-editor">
      <ul className="compact-list">
        {sources.map((source, index) => (
          <li key={source.id} className="row">
            <input
              type="checkbox"
              aria-label={`Enable ${source.id}`}
              checked={source.enabled}
              onChange={(event) =>
                onChange(sources.map((s, i) => (i === index ? { ...s, enabled: event.target.checked } : s)))
              }
            />
            <span className="grow">{describe(source)}</span>
            {SOURCE_SECRETS[source.type] ? (
              <SourceSecretForm sourceId={source.id} spec={SOURCE_SECRETS[source.type]!} />
            ) : null}
            <button
              type="button"
              className="danger"
              data-action="remove-source"
              onClick={() => onChange(sources.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
        {sources.length === 0 ? <li className="muted">No sources: OnAir runs the demo chat.</li> : null}
      </ul>
      <div className="row wrap add-source">
        <select
          aria-label="Source type"
          value={kind}
          onChange={(event) => setKind(event.target.value as NewKind)}
        >
          <option value="twitch">Twitch channel</option>
          <option value="chatkc">ChatKC</option>
          <option value="demo">Demo</option>
          <option value="streamlabs">Streamlabs tips</option>
          <option value="streamelements">StreamElements tips</option>
        </select>
        {kind === 'twitch' ? (
          <>
            <input
              aria-label="Twitch channel"
              placeholder="channel login"
              value={channel}
              onChange={(event) => setChannel(event.target.value)}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={anonymous}
                onChange={(event) => setAnonymous(event.target.checked)}
              />{' '}
              anonymous
            </label>
          </>
        ) : null}
        {kind === 'chatkc' ? (
          <>
            <input aria-label="ChatKC URL" value={url} onChange={(event) => setUrl(event.target.value)} />
            <input
              aria-label="ChatKC channel label"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
            />
          </>
        ) : null}
        {kind === 'demo' ? (
          <>
            <label className="inline">
              rate{' '}
              <input
                aria-label="Demo rate"
                className="num"
                value={rate}
                onChange={(event) => setRate(event.target.value)}
              />
            </label>
            <label className="inline">
              seed{' '}
              <input
                aria-label="Demo seed"
                className="num"
                value={seed}
                onChange={(event) => setSeed(event.target.value)}
              />
            </label>
          </>
        ) : null}
        {kind === 'streamlabs' ? (
          <label className="inline">
            <input
              type="checkbox"
              aria-label="Show Streamlabs test alerts"
              checked={showTestAlerts}
              onChange={(event) => setShowTestAlerts(event.target.checked)}
            />{' '}
            show dashboard test alerts
          </label>
        ) : null}
        {SOURCE_SECRETS[kind]?.required ? (
          <span className="muted small">Add, save, then paste the {SOURCE_SECRETS[kind]?.label}.</span>
        ) : null}
        <button type="button" data-action="add-source" onClick={add}>
          Add
        </button>
      </div>
      {error ? <p className="error">{error}</p> : null}
    </div>
  );
}
