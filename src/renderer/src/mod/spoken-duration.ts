import { spokenDuration } from '../../../shared/duration-words';

export { spokenDuration };

/**
 * The accessible name of a timeout button: the visible label first, so speech input ("click 30m") finds it
 * (WCAG 2.5.3), then what it does in words: "30m: Timeout BobbyBuilds for 30 minutes".
 */
export function timeoutButtonName(name: string, seconds: number, visible: string): string {
  return `${visible}: Timeout ${name} for ${spokenDuration(seconds)}`;
}
