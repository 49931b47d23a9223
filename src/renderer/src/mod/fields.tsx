import { useId, type ReactElement, type ReactNode } from 'react';

/** The one-line explanation under an option, tied to its input for screen readers. */
export function Hint({ id, children }: { id: string; children: ReactNode }): ReactElement {
  return (
    <span className="hint" id={id}>
      {children}
    </span>
  );
}

/** A labelled number input with its explanation; the schema check on save reports out-of-range values. */
export function NumberField(props: {
  label: string;
  hint: string;
  value: number;
  min: number;
  max?: number;
  step?: string;
  onChange: (value: number) => void;
}): ReactElement {
  const { label, hint, value, min, max, step, onChange } = props;
  const hintId = useId();
  return (
    <div className="option">
      <label className="option-label">
        {label}{' '}
        <input
          className="num"
          type="number"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-describedby={hintId}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      </label>
      <Hint id={hintId}>{hint}</Hint>
    </div>
  );
}

/** A checkbox with its label after it and its explanation below. */
export function CheckField(props: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactElement {
  const hintId = useId();
  return (
    <div className="option">
      <label className="option-label">
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={hintId}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        {props.label}
      </label>
      <Hint id={hintId}>{props.hint}</Hint>
    </div>
  );
}

/** A labelled text input with its explanation below. */
export function TextField(props: {
  label: string;
  hint: ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  testId?: string;
}): ReactElement {
  const hintId = useId();
  const inputId = useId();
  return (
    <div className="field">
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        data-testid={props.testId}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <Hint id={hintId}>{props.hint}</Hint>
    </div>
  );
}
