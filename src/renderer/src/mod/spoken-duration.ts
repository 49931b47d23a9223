const UNITS: Array<[seconds: number, name: string]> = [
  [604_800, 'week'],
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
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
 * The accessible name of a timeout button: the visible label first, so speech input ("click 30m") finds it
 * (WCAG 2.5.3), then what it does in words: "30m: Timeout BobbyBuilds for 30 minutes".
 */
export function timeoutButtonName(name: string, seconds: number, visible: string): string {
  return `${visible}: Timeout ${name} for ${spokenDuration(seconds)}`;
}
