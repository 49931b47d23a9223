import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type FocusEvent } from 'react';
import { useReleasePrevious } from './use-release-previous';
import type { ChatMessage } from '../../../shared/events';
import { messageKey } from '../../../shared/removal';
import { ItemBoundary } from '../common/ItemBoundary';
import { renderDrops, subscribeRenderDrops } from '../common/render-drops';
import type { ActionNote } from '../store/action-notes-slice';
import { useModStore } from '../store/store-context';
import { ChatStateBar } from './ChatStateBar';
import { EmptyChat } from './EmptyChat';
import { LineMenu } from './LineMenu';
import { ModLine, type LineCommand } from './ModLine';
import { usePauseOnHover } from './pause-preference';
import { useChatKeys } from './use-chat-keys';
import { useLineCommands } from './use-line-commands';
import { NO_HOLDS, useChatWindow, useLineMenuState } from './use-chat-window';
import { useLiveFollow } from './use-live-follow';
import { useHighlightSound } from './search/highlight-sound';
import { SearchBar } from './search/SearchBar';
import { SkippedLines } from './SkippedLines';
import { useChatSearch } from './search/use-chat-search';
import { useHighlighter } from './search/use-highlighter';
import { useRevealLine } from './search/use-reveal-line';
import { anyGated } from './GateCountdown';
import { useNow } from './use-now';

const OLDER_STEP = 50;
const NO_CAPABILITIES: readonly never[] = [];

/** The newest note of each line (scope `line:<key>`), for the lines to show. */
function useLineNotes(): Map<string, ActionNote> {
  const notes = useModStore((state) => state.notes);
  return useMemo(() => {
    const byLine = new Map<string, ActionNote>();
    for (const note of notes) if (note.scope.startsWith('line:')) byLine.set(note.scope.slice(5), note);
    return byLine;
  }, [notes]);
}

/**
 * The live chat, windowed. Live unless the moderator pauses it: scrolling up (until "Jump to live"), the
 * pointer on the list (pause on hover, a setting), keyboard focus on a line, or an open ⋯ menu. One tab stop
 * (the selected line); arrows and hotkeys work from there (use-chat-keys.ts).
 */
export function ChatList() {
  const messages = useModStore((state) => state.messages);
  useReleasePrevious(messages);
  const statuses = useModStore((state) => state.statuses);
  const presets = useModStore((state) => state.timeoutPresets);
  const lineNotes = useLineNotes();
  const onCommand = useLineCommands();
  const [pauseOnHover, setPauseOnHover] = usePauseOnHover();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const drops = useSyncExternalStore(subscribeRenderDrops, renderDrops);
  const contentRef = useRef<HTMLDivElement>(null);
  // Search (Ctrl/Cmd+F) narrows the lines; highlights are matched once per line (search/highlighter.ts).
  const search = useChatSearch(messages);
  const lines = search.lines;
  const highlighter = useHighlighter();
  useHighlightSound(messages, highlighter);
  const { holds, setHolds, hold, shown, start, end, live, lastShownKey } = useChatWindow(lines);
  const { menu, openMenu, closeMenu } = useLineMenuState(hold);
  // Ticks once a second only while a shown line waits in a moderation gate (its countdown). Judged against the
  // last tick: a new gated line is later than it, so the clock starts, and stops once the last gate passed.
  const [gating, setGating] = useState(false);
  const now = useNow(gating);
  const gatedNow = anyGated(shown, now);
  if (gatedNow !== gating) setGating(gatedNow);

  const { onScroll } = useLiveFollow({
    listRef,
    contentRef,
    live,
    shown,
    scrolledBack: holds.scroll !== null,
    onScrolledUp: () => hold('scroll', true),
    onBackAtBottom: () => hold('scroll', false),
  });

  const focusLine = (key: string): void => {
    const lines = contentRef.current?.children ?? [];
    for (const line of lines) if ((line as HTMLElement).dataset.key === key) (line as HTMLElement).focus();
  };
  const select = (key: string): void => {
    setSelectedKey(key);
    focusLine(key);
  };
  const onKeyDown = useChatKeys({
    shown,
    select,
    command: onCommand,
    revealNext: () => {
      const next = lines[end];
      if (!next) return;
      setHolds((current) => ({ ...current, keyboard: messageKey(next), hover: null, scroll: null }));
      setSelectedKey(messageKey(next));
      requestAnimationFrame(() => focusLine(messageKey(next)));
    },
    leave: () => {
      setHolds(NO_HOLDS);
      document.getElementById('send-input')?.focus();
    },
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const line = event.target.closest<HTMLElement>('[data-key]');
    if (line?.dataset.key) setSelectedKey(line.dataset.key);
    // Only keyboard focus pauses: a mouse click on a line's button must not leave the chat frozen.
    if (event.target.matches(':focus-visible')) hold('keyboard', true);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) hold('keyboard', false);
  };

  const command = useCallback(
    (message: ChatMessage, cmd: LineCommand) => onCommand(message, cmd),
    [onCommand],
  );

  const showOlder = (): void => {
    const target = shown[Math.min(shown.length - 1, Math.max(0, shown.length - 1 - OLDER_STEP))];
    if (target) setHolds((current) => ({ ...current, scroll: messageKey(target) }));
  };
  useRevealLine({ lines, shown, search, setHolds, select });

  const tabStop =
    selectedKey !== null && shown.some((m) => messageKey(m) === selectedKey) ? selectedKey : lastShownKey;
  const menuStatus = menu ? statuses[menu.message.source.sourceId] : undefined;

  return (
    <div className="chat-pane">
      {search.open ? (
        <SearchBar
          text={search.text}
          onText={search.setText}
          inputRef={search.inputRef}
          matches={search.filtering ? lines.length : null}
          total={messages.length}
          onClose={search.close}
        />
      ) : null}
      <div
        className="chat-list"
        ref={listRef}
        data-testid="chat-list"
        onScroll={onScroll}
        onMouseEnter={() => pauseOnHover && hold('hover', true)}
        onMouseLeave={() => hold('hover', false)}
      >
        {search.open ? <div className="chat-search-spacer" aria-hidden="true" /> : null}
        {start > 0 ? (
          <button type="button" tabIndex={-1} className="chat-older" onClick={showOlder}>
            Show older ({start} more in this session)
          </button>
        ) : null}
        <div
          className="chat-lines"
          ref={contentRef}
          role="feed"
          aria-label="Chat"
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          {shown.map((message) => {
            const key = messageKey(message);
            const status = statuses[message.source.sourceId];
            return (
              <ItemBoundary key={key} kind="mod-line" itemKey={key}>
                <ModLine
                  message={message}
                  capabilities={status?.capabilities ?? NO_CAPABILITIES}
                  presets={presets}
                  selected={key === tabStop}
                  menuOpen={menu?.message === message}
                  note={lineNotes.get(key)}
                  demo={status?.demo ?? message.source.provider === 'demo'}
                  highlight={highlighter.hit(message)}
                  now={message.gatedUntil !== undefined ? now : undefined}
                  onCommand={command}
                  onMenu={openMenu}
                />
              </ItemBoundary>
            );
          })}
        </div>
        {messages.length === 0 ? <EmptyChat /> : null}
      </div>
      {menu ? (
        <LineMenu
          target={menu}
          capabilities={menuStatus?.capabilities ?? NO_CAPABILITIES}
          presets={presets}
          onCommand={command}
          onClose={closeMenu}
        />
      ) : null}
      <ChatStateBar
        live={live}
        reason={holds.scroll ? 'scroll' : holds.hover ? 'hover' : holds.keyboard ? 'keyboard' : 'menu'}
        waiting={lines.length - end}
        onJumpToLive={() => setHolds(NO_HOLDS)}
        pauseOnHover={pauseOnHover}
        onPauseOnHover={(on) => {
          setPauseOnHover(on);
          if (!on) hold('hover', false);
        }}
      />
      <SkippedLines />
      {drops.count > 0 ? (
        <div className="chat-drops" data-testid="render-drops" title={drops.lastError ?? undefined}>
          {`${drops.count} ${drops.count === 1 ? 'item' : 'items'} could not be shown`}
        </div>
      ) : null}
    </div>
  );
}
