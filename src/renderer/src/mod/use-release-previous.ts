import { useEffect, useState } from 'react';

/** How long a value must stay the same before the component renders once more to let go of the one before. */
const QUIET_MS = 1000;

/**
 * React keeps a component's previous render (its props and hook state) until the component renders again.
 * For the console's 2,000-line list that is a second list in memory after every change — and after a resync
 * replaced every line, on a chat that then goes quiet, it stays (bench:memory saw 4,004 lines held). One more
 * render once `value` has been still for a second lets the previous list go. Nothing is drawn differently.
 */
export function useReleasePrevious(value: unknown): void {
  const [, setRenders] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setRenders((n) => n + 1), QUIET_MS);
    return () => clearTimeout(timer);
  }, [value]);
}
