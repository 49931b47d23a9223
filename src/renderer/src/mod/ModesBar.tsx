import { useState } from 'react';
import type { Capability, ChatModes } from '../../../shared/events';
import { formatDuration } from '../common/format';
import { useModStore } from '../store/store-context';
import { ConfirmButton } from './ConfirmButton';
import { can, useAct } from './use-actions';

const BAR_CAPABILITIES: Capability[] = ['chatModes', 'announce', 'clearChat'];
const SLOW_CHOICES = [3, 5, 10, 30, 60, 120];
/** Followers-only thresholds in minutes (0 = any follower). */
const FOLLOW_CHOICES = [0, 10, 30, 60, 1440, 10080, 43200];

function followLabel(minutes: number): string {
  return minutes === 0 ? 'any follower' : formatDuration(minutes * 60);
}

/** Chat mode toggles reflecting the current modes, plus announce and clear chat, for the active source. */
export function ModesBar() {
  const sourceId = useModStore((state) => state.activeSourceId);
  const status = useModStore((state) =>
    state.activeSourceId ? state.statuses[state.activeSourceId] : undefined,
  );
  const modes = useModStore((state) =>
    state.activeSourceId ? state.modes[state.activeSourceId] : undefined,
  );
  const act = useAct();
  const [slow, setSlow] = useState(30);
  const [follow, setFollow] = useState(10);
  const [announcement, setAnnouncement] = useState('');
  if (!sourceId || !status) return null;
  if (!BAR_CAPABILITIES.some((capability) => can(status, capability))) return null;
  const label = status.label;
  const setModes = (change: Partial<ChatModes>, what: string): void =>
    void act(`${what} (${label})`, { type: 'chatModes', sourceId, modes: change });
  const toggle = (key: 'emoteOnly' | 'subsOnly' | 'uniqueChat', name: string) => {
    const on = modes?.[key] ?? false;
    return (
      <button
        type="button"
        className={on ? 'toggle on' : 'toggle'}
        aria-pressed={on}
        data-action={`mode-${key}`}
        onClick={() => setModes({ [key]: !on }, `${name} ${on ? 'off' : 'on'}`)}
      >
        {name}
      </button>
    );
  };
  const slowOn = (modes?.slowSeconds ?? 0) > 0;
  const followOn = modes?.followersOnlyMinutes !== null && modes?.followersOnlyMinutes !== undefined;

  return (
    <div className="modes-bar" data-testid="modes-bar">
      {can(status, 'chatModes') ? (
        <>
          {toggle('emoteOnly', 'Emote-only')}
          {toggle('subsOnly', 'Sub-only')}
          {toggle('uniqueChat', 'Unique')}
          <span className="group">
            <button
              type="button"
              className={slowOn ? 'toggle on' : 'toggle'}
              aria-pressed={slowOn}
              data-action="mode-slow"
              onClick={() =>
                setModes({ slowSeconds: slowOn ? 0 : slow }, slowOn ? 'Slow mode off' : `Slow mode ${slow}s`)
              }
            >
              Slow{slowOn ? ` ${modes?.slowSeconds}s` : ''}
            </button>
            <select
              aria-label="Slow mode seconds"
              value={slow}
              onChange={(event) => setSlow(Number(event.target.value))}
            >
              {SLOW_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s}s
                </option>
              ))}
            </select>
          </span>
          <span className="group">
            <button
              type="button"
              className={followOn ? 'toggle on' : 'toggle'}
              aria-pressed={followOn}
              data-action="mode-followers"
              onClick={() =>
                setModes(
                  { followersOnlyMinutes: followOn ? null : follow },
                  followOn ? 'Followers-only off' : `Followers-only (${followLabel(follow)})`,
                )
              }
            >
              Followers{followOn ? ` ${followLabel(modes?.followersOnlyMinutes ?? 0)}` : ''}
            </button>
            <select
              aria-label="Followers-only age"
              value={follow}
              onChange={(event) => setFollow(Number(event.target.value))}
            >
              {FOLLOW_CHOICES.map((m) => (
                <option key={m} value={m}>
                  {followLabel(m)}
                </option>
              ))}
            </select>
          </span>
        </>
      ) : null}
      {can(status, 'announce') ? (
        <form
          className="group"
          onSubmit={(event) => {
            event.preventDefault();
            const text = announcement.trim();
            if (!text) return;
            void act(`Announce (${label})`, { type: 'announce', sourceId, text }).then(
              (r) => r.ok && setAnnouncement(''),
            );
          }}
        >
          <input
            placeholder="Announcement"
            value={announcement}
            maxLength={500}
            onChange={(event) => setAnnouncement(event.target.value)}
          />
          <button type="submit" data-action="announce" disabled={announcement.trim() === ''}>
            Announce
          </button>
        </form>
      ) : null}
      {can(status, 'clearChat') ? (
        <ConfirmButton
          className="danger"
          action="clear-chat"
          question={`Clear the whole chat of ${label}? Every viewer's chat is wiped.`}
          confirmLabel="Clear chat"
          onConfirm={() => void act(`Clear chat (${label})`, { type: 'clearChat', sourceId })}
        >
          Clear chat…
        </ConfirmButton>
      ) : null}
    </div>
  );
}
