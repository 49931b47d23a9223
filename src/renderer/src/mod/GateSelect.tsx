import { useId } from 'react';
import type { SourceConfig } from '../../../shared/settings';
import { Hint } from './fields';

const GATE_CHOICES = [0, 3, 5, 10, 15, 20, 30];

/** Sources whose lines reach the overlay as chat (tips sources send alerts only). */
export const hasChat = (source: SourceConfig): boolean =>
  source.type === 'twitch' || source.type === 'chatkc' || source.type === 'demo';

/**
 * The moderation gate of a source: how long its chat lines wait before the overlay shows them, so a moderator
 * can keep one off stream (docs/mod-console.md "Moderation gate").
 */
export function GateSelect(props: {
  source: SourceConfig;
  disabled: boolean;
  onGate(seconds: number): void;
}) {
  const { source, disabled, onGate } = props;
  const hint = useId();
  const current = source.gateSeconds ?? 0;
  const choices = GATE_CHOICES.includes(current)
    ? GATE_CHOICES
    : [...GATE_CHOICES, current].sort((a, b) => a - b);
  return (
    <label className="row wrap">
      <span>Delay before the overlay</span>
      <select
        aria-label={`Moderation gate for ${source.id}: seconds before its chat reaches the overlay`}
        aria-describedby={hint}
        value={current}
        disabled={disabled}
        onChange={(event) => onGate(Number(event.target.value))}
      >
        {choices.map((seconds) => (
          <option key={seconds} value={seconds}>
            {seconds === 0 ? 'none (at once)' : `${seconds} s`}
          </option>
        ))}
      </select>
      <Hint id={hint}>
        Chat waits this long before the overlay shows it, so a moderator can keep a line off stream (the
        console shows it at once, with a countdown).
      </Hint>
    </label>
  );
}
