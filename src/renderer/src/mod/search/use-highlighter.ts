import { useModStore } from '../../store/store-context';
import { highlighterFor, type Highlighter } from './highlighter';

/** The shared Highlighter for the console's current rules and logged-in login. */
export function useHighlighter(): Highlighter {
  const rules = useModStore((state) => state.highlights.rules);
  const login = useModStore((state) =>
    state.auth.status === 'logged-in' ? (state.auth.login ?? null) : null,
  );
  return highlighterFor(rules, login);
}
