/** JSON from a peer's response body or frame; `null` for an empty or malformed body (callers report it). */
export function parseJsonOrNull(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
