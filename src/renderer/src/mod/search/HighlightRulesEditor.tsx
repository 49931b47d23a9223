import { useId } from 'react';
import {
  HIGHLIGHT_PATTERN_MAX,
  HIGHLIGHT_RULES_MAX,
  type HighlightKind,
  type HighlightRule,
} from '../../../../shared/highlights';
import type { Settings } from '../../../../shared/settings';
import { CheckField, Hint } from '../fields';

interface SectionProps {
  draft: Settings;
  setDraft(settings: Settings): void;
}

const PATTERN_LABEL: Record<HighlightKind, string> = {
  mention: 'Also these names (comma-separated)',
  keyword: 'Word or phrase',
  user: 'Logins (comma-separated)',
};
const PATTERN_HINT: Record<HighlightKind, string> = {
  mention: 'Your Twitch login counts once you are logged in; add nicknames here.',
  keyword: 'Plain text, no regular expressions; “Whole word” and “Case-sensitive” below.',
  user: 'Every line these users send.',
};
const KIND_TITLE: Record<HighlightKind, string> = {
  mention: 'Mentions of you',
  keyword: 'Keyword',
  user: 'User',
};
const NEW_COLOR: Record<HighlightKind, string> = { mention: '#e0455e', keyword: '#2f80ed', user: '#27ae60' };

function newRule(kind: HighlightKind): HighlightRule {
  const id = `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return {
    id,
    kind,
    pattern: '',
    color: NEW_COLOR[kind],
    sound: false,
    showInPanel: true,
    caseSensitive: false,
    wholeWord: true,
    enabled: true,
  };
}

/** Why a rule matches nothing yet, shown under it (saving such a rule is allowed; it stays inert). */
function ruleProblem(rule: HighlightRule): string | null {
  if (rule.kind === 'mention' || rule.pattern.trim() !== '') return null;
  return rule.kind === 'keyword'
    ? 'Type a word or phrase: an empty keyword matches nothing.'
    : 'Type at least one login.';
}

type Toggle = 'enabled' | 'sound' | 'showInPanel' | 'wholeWord' | 'caseSensitive';
const TOGGLES: ReadonlyArray<{ key: Toggle; label: string; hint: string; keywordOnly?: true }> = [
  { key: 'enabled', label: 'On', hint: 'Off keeps the rule without using it.' },
  { key: 'sound', label: 'Sound', hint: 'A short beep (at most one per second).' },
  {
    key: 'showInPanel',
    label: 'Show in Highlights panel',
    hint: 'Lists matched lines in the Highlights tab.',
  },
  { key: 'wholeWord', label: 'Whole word', hint: '“cat” does not match “concat”.', keywordOnly: true },
  { key: 'caseSensitive', label: 'Case-sensitive', hint: '“Cat” does not match “cat”.', keywordOnly: true },
];

type RuleSetter = (change: Partial<HighlightRule>) => void;

function PatternField({ rule, set }: { rule: HighlightRule; set: RuleSetter }) {
  const patternId = useId();
  const hintId = useId();
  const problem = ruleProblem(rule);
  return (
    <div className="field">
      <label htmlFor={patternId}>{PATTERN_LABEL[rule.kind]}</label>
      <input
        id={patternId}
        value={rule.pattern}
        maxLength={HIGHLIGHT_PATTERN_MAX}
        aria-invalid={problem ? true : undefined}
        aria-describedby={hintId}
        onChange={(event) => set({ pattern: event.target.value })}
      />
      <Hint id={hintId}>
        {problem ? <span className="warn-text">{problem}</span> : PATTERN_HINT[rule.kind]}
      </Hint>
    </div>
  );
}

function RuleOptions({ rule, set }: { rule: HighlightRule; set: RuleSetter }) {
  const colorHintId = useId();
  return (
    <div className="options">
      <div className="option">
        <label className="option-label">
          <input
            type="color"
            value={rule.color}
            aria-describedby={colorHintId}
            onChange={(event) => set({ color: event.target.value.toLowerCase() })}
          />{' '}
          Colour
        </label>
        <Hint id={colorHintId}>Line background (kept dark enough to read) and left bar.</Hint>
      </div>
      {TOGGLES.filter((toggle) => !toggle.keywordOnly || rule.kind === 'keyword').map((toggle) => (
        <CheckField
          key={toggle.key}
          label={toggle.label}
          hint={toggle.hint}
          checked={rule[toggle.key]}
          onChange={(checked) => set({ [toggle.key]: checked })}
        />
      ))}
    </div>
  );
}

function RuleEditor(props: {
  rule: HighlightRule;
  index: number;
  onChange(rule: HighlightRule): void;
  onRemove(): void;
}) {
  const { rule, index, onChange, onRemove } = props;
  const set: RuleSetter = (change) => onChange({ ...rule, ...change });
  const title = `Rule ${index + 1}: ${KIND_TITLE[rule.kind]}`;
  return (
    <fieldset className="highlight-rule" data-testid="highlight-rule" data-kind={rule.kind}>
      <legend>{title}</legend>
      <PatternField rule={rule} set={set} />
      <RuleOptions rule={rule} set={set} />
      <button
        type="button"
        data-action="remove-highlight-rule"
        aria-label={`Remove ${title}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </fieldset>
  );
}

/**
 * Settings → Highlights: the rules (plain words, no regular expressions: see shared/highlights.ts) and the
 * sound mute. Saved with the rest of the settings draft.
 */
export function HighlightsSection({ draft, setDraft }: SectionProps) {
  const { rules, muted } = draft.highlights;
  const setRules = (next: HighlightRule[]): void =>
    setDraft({ ...draft, highlights: { ...draft.highlights, rules: next } });
  const full = rules.length >= HIGHLIGHT_RULES_MAX;
  return (
    <>
      <h3>Highlights</h3>
      <p className="hint">
        Lines that mention you (your Twitch login once logged in), contain a keyword or come from chosen users
        get a colour; the first rule that matches wins.
      </p>
      <CheckField
        label="Mute highlight sounds"
        hint="No beeps from any rule; colours and the panel stay."
        checked={muted}
        onChange={(checked) => setDraft({ ...draft, highlights: { ...draft.highlights, muted: checked } })}
      />
      {rules.map((rule, index) => (
        <RuleEditor
          key={rule.id}
          rule={rule}
          index={index}
          onChange={(changed) => setRules(rules.map((r) => (r.id === rule.id ? changed : r)))}
          onRemove={() => setRules(rules.filter((r) => r.id !== rule.id))}
        />
      ))}
      <div className="row">
        {(['keyword', 'user', 'mention'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            data-action={`add-${kind}-rule`}
            disabled={full}
            onClick={() => setRules([...rules, newRule(kind)])}
          >
            Add {kind} rule
          </button>
        ))}
      </div>
    </>
  );
}
