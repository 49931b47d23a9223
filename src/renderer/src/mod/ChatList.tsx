import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type MouseEvent,
} from 'react';
import type { ChatMessage } from '../../../shared/events';
import { ItemBoundary } from '../common/ItemBoundary';
import { renderDrops, subscribeRenderDrops } from '../common/render-drops';
import { messageKey } from '../../../shared/removal';
import { useModStore } from '../store/store-context';
import { EmptyChat } from './EmptyChat';
import { ModLine, type LineCommand } from './ModLine';
import { useLineCommands } from './use-line-commands';

/** Lines in the DOM at once: the history can be thousands long, the DOM stays ~1,000 elements. */
export const WINDOW_LINES = 70;
const OLDER_STEP = 50;
const BOTTOM_SLACK_PX = 30;

function indexOfKey(messages: ChatMessage[], key: string): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messageKey(messages[i]) === key) return i;
  return -1;
}

/**
 * The live chat, windowed. Following live by default; hovering freezes the window at the line under the
 * cursor (pause on hover), scrolling up freezes it until "Jump to live".
 */
export function ChatList() {
  const messages = useModStore((state) => state.messages);
  const statuses = useModStore((state) => state.statuses);
  const presets = useModStore((state) => state.timeoutPresets);
  const onCommand = useLineCommands();
  const [scrollAnchor, setScrollAnchor] = useState<string | null>(null);
  const [hoverAnchor, setHoverAnchor] = useState<string | null>(null);
  const [hoveredKey, setHoveredKey] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const drops = useSyncExternalStore(subscribeRenderDrops, renderDrops);

  const anchor = scrollAnchor ?? hoverAnchor;
  const anchorIndex = anchor === null ? -1 : indexOfKey(messages, anchor);
  const end = anchorIndex >= 0 ? anchorIndex + 1 : messages.length;
  const start = Math.max(0, end - WINDOW_LINES);
  const shown = useMemo(() => messages.slice(start, end), [messages, start, end]);
  const waiting = messages.length - end;
  const live = anchorIndex < 0;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && live) list.scrollTop = list.scrollHeight;
  }, [shown, live]);

  const lastShownKey = shown.length > 0 ? messageKey(shown[shown.length - 1]) : null;

  const onScroll = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < BOTTOM_SLACK_PX;
    if (!atBottom && scrollAnchor === null) setScrollAnchor(lastShownKey);
    else if (atBottom && scrollAnchor !== null) setScrollAnchor(null);
  }, [scrollAnchor, lastShownKey]);

  const onMouseOver = useCallback((event: MouseEvent<HTMLDivElement>) => {
    const line = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
    setHoveredKey(line?.dataset.key ?? null);
  }, []);

  const showOlder = (): void => {
    const target = shown[Math.min(shown.length - 1, Math.max(0, shown.length - 1 - OLDER_STEP))];
    if (target) setScrollAnchor(messageKey(target));
  };

  const command = useCallback(
    (message: ChatMessage, cmd: LineCommand) => onCommand(message, cmd),
    [onCommand],
  );

  return (
    <div className="chat-pane">
      <div
        className="chat-list"
        ref={listRef}
        data-testid="chat-list"
        onScroll={onScroll}
        onMouseEnter={() => setHoverAnchor(lastShownKey)}
        onMouseLeave={() => {
          setHoverAnchor(null);
          setHoveredKey(null);
        }}
        onMouseOver={onMouseOver}
      >
        {start > 0 ? (
          <button type="button" className="chat-older" onClick={showOlder}>
            Show older ({start} more in this session)
          </button>
        ) : null}
        {shown.map((message) => {
          const key = messageKey(message);
          const status = statuses[message.source.sourceId];
          return (
            <ItemBoundary key={key} kind="mod-line" itemKey={key}>
              <ModLine
                message={message}
                capabilities={status?.capabilities ?? NO_CAPABILITIES}
                presets={presets}
                expanded={hoveredKey === key}
                demo={status?.demo ?? message.source.provider === 'demo'}
                onCommand={command}
              />
            </ItemBoundary>
          );
        })}
        {messages.length === 0 ? <EmptyChat /> : null}
      </div>
      {/* Always present and outside the list, so it never covers the line under the pointer. */}
      <div
        className={live ? 'chat-state' : 'chat-state paused'}
        data-testid={live ? 'chat-live' : 'chat-paused'}
      >
        {live ? 'Live' : scrollAnchor ? 'Scrolled back' : 'Paused while the pointer is on the chat'}
        {waiting > 0 ? ` · ${waiting} new` : ''}
        {drops.count > 0 ? (
          <span className="chat-drops" data-testid="render-drops" title={drops.lastError ?? undefined}>
            {` · ${drops.count} ${drops.count === 1 ? 'item' : 'items'} could not be shown`}
          </span>
        ) : null}
        {scrollAnchor ? (
          <button type="button" onClick={() => setScrollAnchor(null)}>
            Jump to live
          </button>
        ) : null}
      </div>
    </div>
  );
}

const NO_CAPABILITIES: readonly never[] = [];
