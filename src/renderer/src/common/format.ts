// Shared with the core, which fills the alert box templates with the same text.
export { formatMoney } from '../../../shared/format-money';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60}m` : `${Math.round(seconds / 60)}m`;
  if (seconds < 86400) return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${(seconds / 3600).toFixed(1)}h`;
  if (seconds < 604800)
    return seconds % 86400 === 0 ? `${seconds / 86400}d` : `${(seconds / 86400).toFixed(1)}d`;
  return seconds % 604800 === 0 ? `${seconds / 604800}w` : `${(seconds / 86400).toFixed(1)}d`;
}

export function formatClock(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "3s ago", "4m ago"; "—" for never. */
export function formatAge(since: number | null, now: number): string {
  if (since === null) return '—';
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return `${formatDuration(seconds)} ago`;
}
