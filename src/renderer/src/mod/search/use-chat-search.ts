import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/events';
import { isTypingTarget } from '../hotkeys';
import { filterMessages, parseQuery, type SearchQuery } from './search-query';

/** Typing filters after this pause, not on every key (a filter pass reads every line in memory). */
export const SEARCH_DEBOUNCE_MS = 120;
const NO_QUERY: SearchQuery = { terms: [] };

/** Ctrl/Cmd+F anywhere, or `/` outside a text field, opens the search. */
function isSearchKey(event: KeyboardEvent): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target);
}

/**
 * The chat search: open state, the text as typed, and the lines that match (a pure filter over the lines in
 * memory, re-run when lines arrive, so matching lines keep appending live). Closing clears the filter and
 * puts the focus back where it was.
 */
export function useChatSearch(messages: ChatMessage[]) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [query, setQuery] = useState<SearchQuery>(NO_QUERY);
  const [focusRequest, setFocusRequest] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(parseQuery(text)), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !isSearchKey(event)) return;
      event.preventDefault();
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== inputRef.current) returnTo.current = active;
      setOpen(true);
      setFocusRequest((n) => n + 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.select();
  }, [focusRequest]);

  const close = useCallback(() => {
    setOpen(false);
    setText('');
    setQuery(NO_QUERY);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
    else document.querySelector<HTMLElement>('.chat-lines [tabindex="0"]')?.focus();
  }, []);

  const filtering = open && query.terms.length > 0;
  const lines = useMemo(
    () => (filtering ? filterMessages(query, messages) : messages),
    [filtering, query, messages],
  );
  return { open, text, setText, inputRef, close, filtering, lines };
}
