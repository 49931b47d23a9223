import type { StateCreator } from 'zustand/vanilla';

export type NoteTone = 'pending' | 'ok' | 'local' | 'error' | 'info';

/**
 * The outcome of an action, shown where the action happened: `line:<message key>` (on that chat line),
 * `send` (the send box), `card` (the user card), `chat` (the chat column's state bar), `side` (the side panel).
 */
export interface ActionNote {
  id: number;
  scope: string;
  tone: NoteTone;
  text: string;
}

export interface ActionNotesSlice {
  /** Oldest first. Per scope: every error not yet dismissed, plus the latest other note. */
  notes: ActionNote[];
  /** Adds a note; returns its id so a pending note can be settled in place. */
  putNote(scope: string, tone: NoteTone, text: string): number;
  settleNote(id: number, scope: string, tone: NoteTone, text: string): void;
  dismissNote(id: number): void;
  /** A result without a place of its own (settings saved): shown in the side panel. */
  pushToast(tone: Exclude<NoteTone, 'pending'>, text: string): void;
}

/** Bounds memory, not what is shown: a session of clicks never grows the store without limit. */
const MAX_NOTES = 200;
const MAX_ERRORS_PER_SCOPE = 5;
let nextNoteId = 1;

/**
 * A new note replaces the scope's earlier non-error notes (`replace`); errors stay until dismissed, at most
 * MAX_ERRORS_PER_SCOPE of them per scope.
 */
export function addNote(notes: ActionNote[], note: ActionNote, replace = true): ActionNote[] {
  const kept = replace ? notes.filter((n) => n.scope !== note.scope || n.tone === 'error') : notes;
  const errors = kept.filter((n) => n.scope === note.scope && n.tone === 'error');
  const next = [...kept, note];
  if (errors.length >= MAX_ERRORS_PER_SCOPE && note.tone === 'error') next.splice(next.indexOf(errors[0]), 1);
  return next.length > MAX_NOTES ? next.slice(next.length - MAX_NOTES) : next;
}

export const createActionNotesSlice =
  <S extends ActionNotesSlice>(): StateCreator<S, [], [], ActionNotesSlice> =>
  (set, get) => ({
    notes: [],
    putNote: (scope, tone, text) => {
      const id = nextNoteId++;
      set({ notes: addNote(get().notes, { id, scope, tone, text }) } as Partial<S>);
      return id;
    },
    settleNote: (id, scope, tone, text) => {
      const notes = get().notes;
      const note = { id, scope, tone, text };
      if (notes.some((n) => n.id === id)) {
        set({
          notes: addNote(
            notes.filter((n) => n.id !== id),
            note,
          ),
        } as Partial<S>);
      } else if (tone === 'error') {
        // A newer note in the same place replaced the pending one: its failure still shows, beside it.
        set({ notes: addNote(notes, note, false) } as Partial<S>);
      }
    },
    dismissNote: (id) => set({ notes: get().notes.filter((n) => n.id !== id) } as Partial<S>),
    pushToast: (tone, text) => {
      get().putNote('side', tone, text);
    },
  });
