import { useState, type FormEvent } from 'react';
import { useModBridge, useModStore } from '../store/store-context';
import { BrowserSourceUrl } from './BrowserSourceUrl';
import { TWITCH_FIELDS_DEFAULT, newSource, saveSources } from './source-candidates';
import { useConfiguredSources } from './use-configured';

const DISMISSED_KEY = 'onair.firstRunGuide.dismissed';

function readDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false; // storage refused (privacy mode): the guide shows until a source is configured
  }
}

function writeDismissed(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // nothing to keep it in: it hides for this session
  }
}

/**
 * With nothing configured the console opens on this guide: add your channel (saved at once), copy the OBS URL,
 * log in. It stays, with the steps done ticked, until hidden.
 */
export function FirstRunGuide() {
  const sources = useConfiguredSources();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [added, setAdded] = useState<string | null>(null);
  if (dismissed || sources === undefined || sources === null) return null;
  if (sources.length > 0 && added === null) return null;
  const hide = (): void => {
    writeDismissed();
    setDismissed(true);
  };
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run-guide">
      <div className="row">
        <h2 id="first-run-title" className="grow">
          Set up OnAir in three steps
        </h2>
        <button type="button" data-action="hide-guide" onClick={hide}>
          {added ? 'Done' : 'Hide guide'}
        </button>
      </div>
      {added ? null : (
        <p className="hint">
          Nothing is configured yet, so the chat below is the <b>demo chat</b> (not a real chat).
        </p>
      )}
      <ol>
        <li>
          <AddChannelStep added={added} onAdded={setAdded} />
        </li>
        <li>
          <b>Put the overlay in OBS.</b>
          <BrowserSourceUrl compact />
        </li>
        <li>
          <LoginStep />
        </li>
      </ol>
    </section>
  );
}

function AddChannelStep({ added, onAdded }: { added: string | null; onAdded(login: string): void }) {
  const bridge = useModBridge();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (added) return <b data-testid="guide-channel-added">✓ Added Twitch #{added} — its chat is below.</b>;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const settings = await bridge.request('getSettings', undefined).catch(() => null);
    const current = settings?.sources ?? [];
    const made = newSource('twitch', { ...TWITCH_FIELDS_DEFAULT, channel: text }, current);
    const saved = made.ok ? await saveSources(bridge, [...current, made.source]) : made;
    setBusy(false);
    if (!saved.ok) setError(saved.error);
    else if (made.ok && made.source.type === 'twitch') onAdded(made.source.channel);
  };
  return (
    <form onSubmit={(event) => void submit(event)}>
      <label htmlFor="guide-channel">
        <b>Add your Twitch channel.</b> <span className="hint">Chat is read at once; no login needed.</span>
      </label>
      <div className="row">
        <input
          id="guide-channel"
          data-testid="guide-channel"
          placeholder="xqc, #xqc or twitch.tv/xqc"
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          className="primary"
          data-action="guide-add-channel"
          disabled={busy || !text.trim()}
        >
          Add channel
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function LoginStep() {
  const auth = useModStore((state) => state.auth);
  const setTab = useModStore((state) => state.setSideTab);
  if (auth.status === 'logged-in') return <b>✓ Logged in to Twitch as {auth.login}.</b>;
  return (
    <>
      <b>Log in to send and moderate</b>{' '}
      <span className="hint">
        (once: register an app at dev.twitch.tv/console/apps, client type Public, and paste its client id in
        Settings → Twitch).
      </span>{' '}
      <button type="button" data-action="guide-login" onClick={() => setTab('account')}>
        Open Account
      </button>
    </>
  );
}
