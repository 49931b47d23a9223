import type { ReactElement } from 'react';

/** An inline labelled number input; the schema check on save reports out-of-range values. */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: string;
  onChange: (value: number) => void;
}): ReactElement {
  const { label, value, min, max, step, onChange } = props;
  return (
    <label className="inline">
      {label}{' '}
      <input
        className="num"
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** An inline checkbox with its label after it. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): ReactElement {
  return (
    <label className="inline">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />{' '}
      {props.label}
    </label>
  );
}
