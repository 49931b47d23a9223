/**
 * Size and depth limits for request values, checked before anything recursive (zod, String(), logging) sees
 * them. `JSON.parse` and Electron's structured clone accept a 30,000-deep array; a recursive walk over it
 * overflows the stack. The deepest real request (updateSettings → sources → [i] → field) is 4 levels.
 */
export const MAX_REQUEST_DEPTH = 16;
export const MAX_REQUEST_VALUES = 20_000;

/** Walks `value` without recursion; returns why it is too big, or null when it is within the limits. */
export function exceedsRequestBounds(
  value: unknown,
  maxDepth = MAX_REQUEST_DEPTH,
  maxValues = MAX_REQUEST_VALUES,
): string | null {
  const pending: unknown[] = [value];
  const depths: number[] = [1];
  let seen = 0;
  while (pending.length > 0) {
    const node = pending.pop();
    const depth = depths.pop() ?? 1;
    seen += 1;
    if (seen > maxValues) return `more than ${maxValues} values`;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return `nested deeper than ${maxDepth} levels`;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      pending.push(child);
      depths.push(depth + 1);
    }
  }
  return null;
}

/**
 * A short, printable name for a value a client sent as `method`. Never calls the value's own `toString`
 * (a frame can make that throw, or recurse 30,000 levels deep); strings are cut and control characters
 * replaced so a log line stays one line.
 */
export function describeUntrusted(value: unknown): string {
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex
    return value.slice(0, 64).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  }
  if (value === null) return '(null)';
  if (Array.isArray(value)) return '(array)';
  return `(${typeof value})`;
}
