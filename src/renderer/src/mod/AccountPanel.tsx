import { useState } from 'react';
import type { SourceStatus } from '../../../shared/events';
import { isHexColor, safeLinkUrl } from '../common/safe';
import { useModStore } from '../store/store-context';
import { can, useAct, useRunAction } from './use-actions';

/** Twitch login (Device Code flow) and per-source identity (ChatKC name/colour). */
export function AccountPanel() {
  const statuses = useModStore((state) => state.statuses);
  const withUserConf = Object.values(statuses).filter((status) => can(status, 'userConf'));
  return (
    <section className="panel" aria-label="Accounts">
      <TwitchLogin />
      {withUserConf.map((status) => (
        <UserConfForm key={status.source.sourceId} status={status} />
      ))}
    </section>
  );
}

function TwitchLogin() {
  const auth = useModStore((state) => state.auth);
  const run = useRunAction(true);
  const verifyUrl = safeLinkUrl(auth.verificationUri);
  return (
    <div className="login" data-testid="twitch-login" data-auth-status={auth.status}>
      <h3>Twitch account</h3>
      {auth.status === 'logged-in' ? (
        <div className="row">
          <span className="grow">
            Logged in as <b>{auth.login}</b>
          </span>
          <button
            type="button"
            data-action="logout"
            onClick={() => void run('Log out of Twitch', (b) => b.request('logoutTwitch', undefined))}
          >
            Log out
          </button>
        </div>
      ) : null}
      {auth.status === 'pending' ? (
        <div className="device-code">
          <p>
            Open{' '}
            {verifyUrl ? (
              <a href={verifyUrl} target="_blank" rel="noopener noreferrer">
                {auth.verificationUri}
              </a>
            ) : (
              <span>{auth.verificationUri}</span>
            )}{' '}
            and enter:
          </p>
          <div className="user-code" data-testid="user-code">
            {auth.userCode}
          </div>
          {auth.expiresAt ? (
            <p className="muted small">Code expires at {new Date(auth.expiresAt).toLocaleTimeString()}</p>
          ) : null}
          <button
            type="button"
            data-action="cancel-login"
            onClick={() => void run('Cancel login', (b) => b.request('cancelLogin', undefined))}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {auth.status === 'logged-out' || auth.status === 'login-needed' ? (
        <div>
          {auth.status === 'login-needed' ? (
            <p className="error">The Twitch login expired or was revoked. Log in again.</p>
          ) : null}
          <p className="muted small">
            Reading chat needs no login. Moderating and sending need one (set a client id in Settings first).
          </p>
          <button
            type="button"
            className="primary"
            data-action="login"
            onClick={() => void run('Log in with Twitch', (b) => b.request('loginTwitch', undefined))}
          >
            Log in with Twitch
          </button>
        </div>
      ) : null}
      {auth.error ? <p className="error">{auth.error}</p> : null}
    </div>
  );
}

function UserConfForm({ status }: { status: SourceStatus }) {
  const act = useAct();
  const [name, setName] = useState(status.identity?.displayName ?? '');
  const [color, setColor] = useState(
    isHexColor(status.identity?.color) ? (status.identity?.color ?? '#ffffff') : '#ffffff',
  );
  return (
    <form
      className="userconf"
      onSubmit={(event) => {
        event.preventDefault();
        void act(`Update name on ${status.label}`, {
          type: 'userConf',
          sourceId: status.source.sourceId,
          name: name.trim() || undefined,
          color,
        });
      }}
    >
      <h3>{status.label}: your name</h3>
      <div className="row">
        <input
          aria-label="Display name"
          value={name}
          maxLength={32}
          onChange={(event) => setName(event.target.value)}
        />
        <input
          aria-label="Name colour"
          type="color"
          value={color}
          onChange={(event) => setColor(event.target.value)}
        />
        <button type="submit" data-action="userconf">
          Save
        </button>
      </div>
    </form>
  );
}
