import { useCallback, useState } from 'react';

const KEY = 'onair.mod.pauseOnHover';

/**
 * "Pause on hover" (Chatterino's default, and ours): a setting of this console kept in the page's local
 * storage, so each browser or window remembers its own moderator's choice.
 */
export function usePauseOnHover(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => readPreference());
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? '1' : '0');
    } catch {
      // Storage can be unavailable (private mode, quota): the choice then lasts until reload.
    }
  }, []);
  return [on, set];
}

function readPreference(): boolean {
  try {
    return localStorage.getItem(KEY) !== '0';
  } catch {
    return true;
  }
}
