import type { PlainError } from '../../../shared/connection-error';

/** An error in plain words, with the raw error one click away (a disclosure, so it never crowds the line). */
export function PlainErrorText({ error, className }: { error: PlainError; className?: string }) {
  return (
    <span className={className ?? 'plain-error'} data-testid="plain-error">
      {error.text}
      {error.raw !== error.text ? (
        <details className="raw-error">
          <summary>Details</summary>
          <code data-testid="raw-error">{error.raw}</code>
        </details>
      ) : null}
    </span>
  );
}
