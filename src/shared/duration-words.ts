const UNITS: Array<[seconds: number, long: string, short: string]> = [
  [604_800, 'week', 'wk'],
  [86_400, 'day', 'd'],
  [3_600, 'hour', 'h'],
  [60, 'minute', 'min'],
  [1, 'second', 's'],
];

/** A duration as words for accessible names: 600 → "10 minutes", 86400 → "1 day", 90 → "90 seconds". */
export function spokenDuration(seconds: number): string {
  for (const [size, name] of UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

/**
 * A duration as a reader says it, in at most two units: 1800 → "30 min", 5400 → "1 h 30 min",
 * 1209600 → "2 wk", 90 → "1 min 30 s". Not a number (or ≤ 0) → "".
 */
export function shortDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [size, , short] of UNITS) {
    if (rest < size || parts.length === 2) continue;
    parts.push(`${Math.floor(rest / size)} ${short}`);
    rest %= size;
    if (rest === 0) break;
  }
  return parts.join(' ');
}
