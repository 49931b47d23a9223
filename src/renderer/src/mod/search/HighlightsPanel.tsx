import { useMemo } from 'react';
import { useReleasePrevious } from '../use-release-previous';
import type { ChatMessage } from '../../../../shared/events';
import { messageKey } from '../../../../shared/removal';
import { displayText } from '../../common/display-text';
import { formatClock } from '../../common/format';
import { useModStore } from '../../store/store-context';
import { authorName } from '../LineActions';
import type { HighlightHit } from './highlight-rules';
import { useHighlighter } from './use-highlighter';

const SHOWN = 100;
const TEXT_CHARS = 200;
const KIND_NAME = { mention: 'Mention', keyword: 'Keyword', user: 'User' } as const;

/** The highlighted lines of rules with "show in panel", newest first (from the lines in memory). */
function usePanelLines(): Array<{ message: ChatMessage; hit: HighlightHit }> {
  const messages = useModStore((state) => state.messages);
  useReleasePrevious(messages);
  const highlighter = useHighlighter();
  return useMemo(() => {
    const out: Array<{ message: ChatMessage; hit: HighlightHit }> = [];
    for (let i = messages.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const hit = highlighter.hit(messages[i]);
      if (hit?.showInPanel) out.push({ message: messages[i], hit });
    }
    return out;
  }, [messages, highlighter]);
}

/** Side tab "Highlights": each matched line; its text shows it in chat, its name opens the user card. */
export function HighlightsPanel() {
  const lines = usePanelLines();
  const revealLine = useModStore((state) => state.revealLine);
  const openUser = useModStore((state) => state.openUser);
  return (
    <section className="panel" aria-label="Highlights" data-testid="highlights-panel">
      <h3>Highlights</h3>
      {lines.length === 0 ? (
        <p className="muted">No highlighted lines yet. Rules are under Settings → Highlights.</p>
      ) : null}
      <ul className="highlight-list">
        {lines.map(({ message, hit }) => {
          const name = displayText(authorName(message));
          const text = displayText(message.text, TEXT_CHARS);
          return (
            <li
              key={messageKey(message)}
              className="highlight-item"
              data-testid="highlight-item"
              style={{ borderLeftColor: hit.color }}
            >
              <span className="mod-time">{formatClock(message.receivedAt)}</span>{' '}
              <span className="small muted">{KIND_NAME[hit.kind]}</span>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={`Open user card for ${name}`}
                onClick={() => {
                  const { id: userId, login, displayName } = message.author;
                  openUser({ sourceId: message.source.sourceId, userId, login, displayName });
                }}
              >
                <bdi>{name}</bdi>
              </button>
              {': '}
              <button
                type="button"
                className="link-button highlight-text"
                dir="auto"
                data-action="reveal-line"
                aria-label={`Show in chat: ${name}: ${text}`}
                onClick={() => revealLine(messageKey(message))}
              >
                {text}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
