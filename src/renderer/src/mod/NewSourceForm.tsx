import { useState, type FormEvent, type ReactNode } from 'react';
import type { SourceConfig } from '../../../shared/settings';
import { SOURCE_SECRETS } from '../../../shared/source-secrets';
import { Hint } from './fields';
import { TWITCH_FIELDS_DEFAULT, newSource, type NewKind, type NewSourceFields } from './source-candidates';

interface NewSourceFormProps {
  sources: SourceConfig[];
  saving: boolean;
  /** Saves the new source; resolves true once saved. */
  onAdd(source: SourceConfig, kind: NewKind): Promise<boolean>;
}

const KIND_HINTS: Record<NewKind, string> = {
  twitch: 'A Twitch channel’s chat and its moderation (Twitch IRC; alerts need a login).',
  chatkc: 'The webchat of stream.mattkc.com (or another ChatKC server).',
  demo: 'Made-up chat and alerts, clearly labelled DEMO: for setting up the overlay offline.',
  streamlabs: 'Streamlabs donations as alerts (needs your Socket API token).',
  streamelements: 'StreamElements tips as alerts (needs your JWT).',
};

/** The "add a source" form: one kind at a time, every field explained, saved at once by the editor. */
export function NewSourceForm({ sources, saving, onAdd }: NewSourceFormProps) {
  const [kind, setKind] = useState<NewKind>('twitch');
  const [fields, setFields] = useState<NewSourceFields>(TWITCH_FIELDS_DEFAULT);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<NewSourceFields>): void => setFields({ ...fields, ...change });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const made = newSource(kind, fields, sources);
    if (!made.ok) {
      setError(made.error);
      return;
    }
    setError(null);
    if (await onAdd(made.source, kind)) set({ channel: '' });
  };

  return (
    <form className="add-source" onSubmit={(event) => void submit(event)}>
      <div className="row wrap">
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
        <button type="submit" className="primary" data-action="add-source" disabled={saving}>
          Add and save
        </button>
      </div>
      <Hint id="new-source-kind">{KIND_HINTS[kind]}</Hint>
      <KindFields kind={kind} fields={fields} set={set} />
      {SOURCE_SECRETS[kind]?.required ? (
        <Hint id="new-source-secret">
          After adding, paste the {SOURCE_SECRETS[kind]?.label} in its row above.
        </Hint>
      ) : null}
      {error ? (
        <p className="error" data-testid="add-source-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function Labelled({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  return (
    <label className="field">
      {label}
      {children}
      <span className="hint">{hint}</span>
    </label>
  );
}

function KindFields(props: {
  kind: NewKind;
  fields: NewSourceFields;
  set(change: Partial<NewSourceFields>): void;
}) {
  const { kind, fields, set } = props;
  switch (kind) {
    case 'twitch':
      return (
        <>
          <Labelled
            label="Channel"
            hint="A login in any case, #name or a channel URL: xqc, #xqc, twitch.tv/xqc."
          >
            <input
              aria-label="Twitch channel"
              placeholder="xqc, #xqc or https://www.twitch.tv/xqc"
              value={fields.channel}
              maxLength={200}
              onChange={(event) => set({ channel: event.target.value })}
            />
          </Labelled>
          <label className="option">
            <span className="option-label">
              <input
                type="checkbox"
                checked={fields.anonymous}
                onChange={(event) => set({ anonymous: event.target.checked })}
              />{' '}
              Read anonymously
            </span>
            <span className="hint">
              Reads chat without your login. Untick to send and moderate here as your logged-in Twitch
              account.
            </span>
          </label>
        </>
      );
    case 'chatkc':
      return (
        <>
          <Labelled label="Server" hint="stream.mattkc.com’s chat is wss://server.mattkc.com:2002.">
            <input
              aria-label="ChatKC URL"
              value={fields.url}
              onChange={(event) => set({ url: event.target.value })}
            />
          </Labelled>
          <Labelled label="Name" hint="How OnAir labels this room in the console.">
            <input
              aria-label="ChatKC channel label"
              value={fields.label}
              onChange={(event) => set({ label: event.target.value })}
            />
          </Labelled>
          <span className="hint">{SOURCE_SECRETS.chatkc?.where}</span>
        </>
      );
    case 'demo':
      return (
        <div className="row wrap">
          <Labelled label="Rate" hint="Messages per second.">
            <input
              aria-label="Demo rate"
              className="num"
              value={fields.rate}
              onChange={(e) => set({ rate: e.target.value })}
            />
          </Labelled>
          <Labelled label="Seed" hint="Same seed, same chat; 0 = random.">
            <input
              aria-label="Demo seed"
              className="num"
              value={fields.seed}
              onChange={(e) => set({ seed: e.target.value })}
            />
          </Labelled>
        </div>
      );
    case 'streamlabs':
      return (
        <label className="option">
          <span className="option-label">
            <input
              type="checkbox"
              aria-label="Show Streamlabs test alerts"
              checked={fields.showTestAlerts}
              onChange={(event) => set({ showTestAlerts: event.target.checked })}
            />{' '}
            show dashboard test alerts
          </span>
          <span className="hint">
            Also alert on the “test alert” donations the Streamlabs dashboard sends.
          </span>
        </label>
      );
    case 'streamelements':
      return null;
  }
}
