import { ScopeNotes } from './ActionNotes';
import { HelpPanel } from './HelpPanel';

export type PauseReason = 'scroll' | 'hover' | 'keyboard' | 'menu';

const PAUSED_BECAUSE: Record<PauseReason, string> = {
  scroll: 'Paused: scrolled back',
  hover: 'Paused: pointer on the chat',
  keyboard: 'Paused: moving through lines',
  menu: 'Paused: menu open',
};

interface ChatStateBarProps {
  live: boolean;
  reason: PauseReason;
  waiting: number;
  onJumpToLive(): void;
  pauseOnHover: boolean;
  onPauseOnHover(on: boolean): void;
}

/**
 * Under the chat, always there (so it never covers or moves a line): live or paused and why, lines waiting,
 * Jump to live, results of chat-column actions (modes, clear), the pause-on-hover setting and the ? help.
 */
export function ChatStateBar({
  live,
  reason,
  waiting,
  onJumpToLive,
  pauseOnHover,
  onPauseOnHover,
}: ChatStateBarProps) {
  return (
    <div className={live ? 'chat-state' : 'chat-state paused'}>
      <span data-testid={live ? 'chat-live' : 'chat-paused'} data-reason={live ? undefined : reason}>
        {live ? 'Live' : PAUSED_BECAUSE[reason]}
        {waiting > 0 ? ` · ${waiting} new` : ''}
      </span>
      {!live ? (
        <button type="button" data-action="jump-to-live" onClick={onJumpToLive}>
          Jump to live
        </button>
      ) : null}
      <ScopeNotes scope="chat" className="grow" />
      <label
        className="pause-toggle"
        title="Chatterino-style: the chat holds still while the pointer is on it"
      >
        <input
          type="checkbox"
          data-testid="pause-on-hover"
          checked={pauseOnHover}
          onChange={(event) => onPauseOnHover(event.target.checked)}
        />
        Pause on hover
      </label>
      <HelpPanel />
    </div>
  );
}
