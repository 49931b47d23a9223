/** What a chat line's buttons, menu and hotkeys ask for (use-line-commands.ts carries them out). */
export type LineCommand =
  | { type: 'delete' }
  | { type: 'timeout'; seconds: number }
  | { type: 'ban' }
  | { type: 'unban' }
  | { type: 'reply' }
  | { type: 'user' }
  | { type: 'copy' }
  /** Moderation gate: the line never reaches the overlay; OnAir only, the service is not told. */
  | { type: 'keepOffStream' };
