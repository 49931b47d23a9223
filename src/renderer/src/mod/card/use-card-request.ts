import { useEffect, useState } from 'react';
import type { ModMethod, ModParams, ModResults } from '../../../../shared/api';
import { useModBridge } from '../../store/store-context';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string };

/**
 * One request, re-sent when `key` changes; an answer to an older key is ignored. While a new answer is on
 * its way, the previous one is kept if it was for the same `identity` (the same user: no flash of "…").
 */
export function useCardRequest<M extends ModMethod>(
  method: M,
  params: ModParams<M> | null,
  key: string,
  identity: string,
): Loaded<ModResults[M]> {
  const bridge = useModBridge();
  const [answer, setAnswer] = useState<{
    key: string;
    identity: string;
    loaded: Loaded<ModResults[M]>;
  } | null>(null);
  useEffect(() => {
    if (params === null) return;
    let current = true;
    const settle = (loaded: Loaded<ModResults[M]>) => current && setAnswer({ key, identity, loaded });
    bridge.request(method, params).then(
      (value) => settle({ state: 'ok', value }),
      (error: unknown) =>
        settle({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // `key` stands for the params (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, method, key]);
  if (answer && (answer.key === key || answer.identity === identity)) return answer.loaded;
  return { state: 'loading' };
}

/** "3 Mar 2021" in the viewer's locale. */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "2 years", "5 months", "12 days" since `ms`. */
export function ageSince(ms: number, now: number): string {
  const days = Math.max(0, Math.floor((now - ms) / 86_400_000));
  if (days >= 365) return plural(Math.floor(days / 365), 'year');
  if (days >= 31) return plural(Math.floor(days / 30.44), 'month');
  return plural(days, 'day');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
