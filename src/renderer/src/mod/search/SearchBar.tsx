import { useId, type RefObject } from 'react';

const count = new Intl.NumberFormat('en-US');

interface SearchBarProps {
  text: string;
  onText(text: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Lines that match, or null while nothing is typed. */
  matches: number | null;
  total: number;
  onClose(): void;
}

/**
 * The search field over the top of the chat (it overlays the list, which reserves its height with a spacer, so
 * opening it moves no line under the pointer). Esc closes it.
 */
export function SearchBar({ text, onText, inputRef, matches, total, onClose }: SearchBarProps) {
  const helpId = useId();
  return (
    <div className="chat-search" role="search" aria-label="Chat search" data-testid="chat-search">
      <input
        ref={inputRef}
        type="text"
        className="chat-search-input"
        aria-label="Search chat"
        aria-describedby={helpId}
        placeholder="Search: words, from:user, is:first, is:mod, has:link…"
        spellCheck={false}
        maxLength={500}
        value={text}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }}
      />
      <span className="chat-search-count" role="status" data-testid="search-count">
        {matches === null
          ? `${count.format(total)} lines`
          : `${count.format(matches)} of ${count.format(total)}`}
      </span>
      <span id={helpId} className="visually-hidden">
        Words and &quot;phrases&quot;; from:login, is:first, is:returning, is:mod, is:sub, is:vip, has:link,
        has:emote; a leading minus excludes. Esc closes.
      </span>
      <button type="button" className="chat-search-close" aria-label="Close search" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
