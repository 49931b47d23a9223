/**
 * Durations as people type them: `30s`, `10m`, `1h`, `1d`, `1w`, or a bare number of seconds. Used by the
 * timeout presets field ("10m, 1h, 1d" used to fail with "expected number, received NaN").
 */

const UNIT_SECONDS = new Map<string, number>([
  ['', 1],
  ['s', 1],
  ['sec', 1],
  ['m', 60],
  ['min', 60],
  ['h', 3600],
  ['d', 86_400],
  ['w', 604_800],
]);

/** Seconds for one duration such as `10m`, or null when it is not one (`10x`, `-1`, `1.5.2`). */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const unit = UNIT_SECONDS.get(match[2].toLowerCase());
  if (unit === undefined) return null;
  const seconds = Math.round(Number(match[1]) * unit);
  return Number.isFinite(seconds) ? seconds : null;
}

export type DurationListResult = { ok: true; seconds: number[] } | { ok: false; error: string };

/** A comma- or space-separated list of durations, in seconds, or the first item that is not one. */
export function parseDurationList(text: string): DurationListResult {
  const items = text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const seconds: number[] = [];
  for (const item of items) {
    const value = parseDuration(item);
    if (value === null)
      return { ok: false, error: `"${item.slice(0, 20)}" is not a duration (use 30s, 10m, 1h, 1d or 1w)` };
    seconds.push(value);
  }
  return { ok: true, seconds };
}

/** Seconds in the shortest exact unit: 600 → `10m`, 90 → `90s`, 604800 → `1w`. */
export function formatDurationInput(seconds: number): string {
  for (const [unit, size] of [
    ['w', 604_800],
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}
