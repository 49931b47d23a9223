/**
 * Copies `text` to the clipboard: the async Clipboard API where the page may use it (127.0.0.1 and the app
 * count as secure contexts), else the old selection + `execCommand('copy')`. With `field`, the text is left
 * selected either way, so Ctrl+C works when both are refused.
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  field?.select();
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission or no user activation): try the selection route.
  }
  try {
    return field !== null && document.execCommand('copy');
  } catch {
    return false;
  }
}
