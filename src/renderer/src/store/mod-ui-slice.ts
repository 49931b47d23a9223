import type { StateCreator } from 'zustand/vanilla';

export interface SelectedUser {
  sourceId: string;
  userId: string;
  login: string;
  displayName: string;
}

export interface ReplyTarget {
  sourceId: string;
  messageId: string;
  author: string;
  text: string;
}

export type SideTab =
  'automod' | 'alerts' | 'highlights' | 'health' | 'log' | 'notices' | 'settings' | 'account';

/** Mod-console-only UI state: the open user card, the chosen source and side panel. */
export interface ModUiSlice {
  selectedUser: SelectedUser | null;
  /** Source the send box, mode toggles and clear/announce act on. */
  activeSourceId: string | null;
  sideTab: SideTab;
  replyTo: ReplyTarget | null;
  openUser(user: SelectedUser | null): void;
  setActiveSource(sourceId: string): void;
  setSideTab(tab: SideTab): void;
  setReplyTo(target: ReplyTarget | null): void;
  /** Search and highlights: a line (by key) the chat list should scroll to and select, once. */
  revealKey: string | null;
  revealLine(key: string | null): void;
}

export const createModUiSlice =
  <S extends ModUiSlice>(): StateCreator<S, [], [], ModUiSlice> =>
  (set) => ({
    selectedUser: null,
    activeSourceId: null,
    sideTab: 'automod',
    replyTo: null,
    openUser: (user) => set({ selectedUser: user } as Partial<S>),
    setActiveSource: (sourceId) => set({ activeSourceId: sourceId } as Partial<S>),
    setSideTab: (tab) => set({ sideTab: tab } as Partial<S>),
    setReplyTo: (target) =>
      set((target ? { replyTo: target, activeSourceId: target.sourceId } : { replyTo: null }) as Partial<S>),
    revealKey: null,
    revealLine: (key) => set({ revealKey: key } as Partial<S>),
  });
