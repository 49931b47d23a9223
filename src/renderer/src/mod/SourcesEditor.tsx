import { useId, useState } from 'react';
import type { SourceConfig } from '../../../shared/settings';
import { SOURCE_SECRETS } from '../../../shared/source-secrets';
import { useModBridge, useModStore } from '../store/store-context';
import { Hint } from './fields';
import { GateSelect, hasChat } from './GateSelect';
import { NewSourceForm } from './NewSourceForm';
import { saveSources, type NewKind } from './source-candidates';
import { SourceSecretForm } from './SourceSecretForm';

interface SourcesEditorProps {
  sources: SourceConfig[];
  /** The list as the core saved it. */
  onSaved(sources: SourceConfig[]): void;
}

function describe(source: SourceConfig): string {
  switch (source.type) {
    case 'twitch':
      return `Twitch #${source.channel}${source.anonymous ? ' (read anonymously)' : ' (as your login)'}`;
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

/**
 * Add/remove/enable sources. Every change is saved at once (only the source list), so switching tabs never
 * drops an added source; new entries are checked with the shared schema first.
 */
export function SourcesEditor({ sources, onSaved }: SourcesEditorProps) {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const enableHint = useId();

  const commit = async (next: SourceConfig[], done: string): Promise<boolean> => {
    setSaving(true);
    const result = await saveSources(bridge, next);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    onSaved(result.sources);
    pushToast('ok', done);
    return true;
  };

  return (
    <div className="sources-editor" data-testid="sources-editor">
      <Hint id={enableHint}>Tick to run a source, untick to pause it without removing it.</Hint>
      <ul className="compact-list">
        {sources.map((source, index) => (
          <SourceRow
            key={source.id}
            source={source}
            disabled={saving}
            describedBy={enableHint}
            onEnable={(enabled) =>
              void commit(
                sources.map((s, i) => (i === index ? { ...s, enabled } : s)),
                `${describe(source)} ${enabled ? 'enabled' : 'disabled'} and saved`,
              )
            }
            onGate={(gateSeconds) =>
              void commit(
                sources.map((s, i) => (i === index ? { ...s, gateSeconds } : s)),
                `${describe(source)}: ${gateSeconds ? `chat waits ${gateSeconds} s before the overlay` : 'no delay'}, saved`,
              )
            }
            onRemove={() =>
              void commit(
                sources.filter((_, i) => i !== index),
                `${describe(source)} removed`,
              )
            }
          />
        ))}
        {sources.length === 0 ? <li className="muted">No sources: OnAir runs the demo chat.</li> : null}
      </ul>
      <NewSourceForm
        sources={sources}
        saving={saving}
        onAdd={(source, kind: NewKind) =>
          commit([...sources, source], `${describe(source)} added and saved${addedNote(kind)}`)
        }
      />
      {error ? (
        <p className="error" data-testid="sources-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function addedNote(kind: NewKind): string {
  const spec = SOURCE_SECRETS[kind];
  return spec?.required ? ` — now paste its ${spec.label}` : '';
}

function SourceRow(props: {
  source: SourceConfig;
  disabled: boolean;
  describedBy: string;
  onEnable(enabled: boolean): void;
  onGate(seconds: number): void;
  onRemove(): void;
}) {
  const { source, disabled, describedBy, onEnable, onGate, onRemove } = props;
  const spec = SOURCE_SECRETS[source.type];
  return (
    <li data-source-id={source.id}>
      <div className="row wrap">
        <input
          type="checkbox"
          aria-label={`Enable ${source.id}`}
          checked={source.enabled}
          aria-describedby={describedBy}
          disabled={disabled}
          onChange={(event) => onEnable(event.target.checked)}
        />
        <span className="grow">{describe(source)}</span>
        <button
          type="button"
          className="danger"
          data-action="remove-source"
          disabled={disabled}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      {hasChat(source) ? <GateSelect source={source} disabled={disabled} onGate={onGate} /> : null}
      {spec ? (
        <>
          <SourceSecretForm sourceId={source.id} spec={spec} />
          <Hint id={`secret-help-${source.id}`}>{spec.where}</Hint>
        </>
      ) : null}
    </li>
  );
}
