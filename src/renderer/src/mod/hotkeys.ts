/** The chat list's keys, as the ? panel lists them (and docs/mod-console.md). */
export const LINE_HOTKEYS: ReadonlyArray<[keys: string, what: string]> = [
  ['↑ / ↓', 'previous / next line (Home, End, Page Up, Page Down jump)'],
  ['Delete or d', 'delete the message'],
  ['t', 'default timeout (the time shown on the line)'],
  ['Shift+B', 'ban (capital B, so a stray key never bans)'],
  ['r', 'reply: fills the reply and moves to the send box'],
  ['u or Enter', 'user card (Esc closes it and comes back here)'],
  ['c', 'copy the message text'],
  ['k', 'keep off stream: a line waiting in the moderation gate never reaches the overlay'],
  ['m or Shift+F10', 'more: every timeout, unban, reply, user card, copy'],
  ['Esc', 'leave the list: back to live, cursor in the send box'],
];

export const GLOBAL_HOTKEYS: ReadonlyArray<[keys: string, what: string]> = [
  ['?', 'this help'],
  ['Ctrl+F (⌘F) or /', 'search the chat: words, from:user, is:first, is:mod, has:link… (Esc closes)'],
  ['Tab', 'tabs, chat list (one stop), send box; ← / → move between the side panel tabs'],
];

/** Keys typed into a field are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
