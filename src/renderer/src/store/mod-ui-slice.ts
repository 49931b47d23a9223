import type { StateCreator } from 'zustand/vanilla';

export type ToastTone = 'ok' | 'local' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
}

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

export type SideTab = 'automod' | 'alerts' | 'health' | 'log' | 'notices' | 'settings' | 'account';

/** Mod-console-only UI state: toasts, the open user card, the chosen source and side panel. */
export interface ModUiSlice {
  toasts: Toast[];
  selectedUser: SelectedUser | null;
  /** Source the send box, mode toggles and clear/announce act on. */
  activeSourceId: string | null;
  sideTab: SideTab;
  replyTo: ReplyTarget | null;
  pushToast(tone: ToastTone, text: string): void;
  dismissToast(id: number): void;
  openUser(user: SelectedUser | null): void;
  setActiveSource(sourceId: string): void;
  setSideTab(tab: SideTab): void;
  setReplyTo(target: ReplyTarget | null): void;
}

const MAX_TOASTS = 5;
let nextToastId = 1;

export const createModUiSlice =
  <S extends ModUiSlice>(): StateCreator<S, [], [], ModUiSlice> =>
  (set) => ({
    toasts: [],
    selectedUser: null,
    activeSourceId: null,
    sideTab: 'automod',
    replyTo: null,
    pushToast: (tone, text) =>
      set(
        (state) =>
          ({ toasts: [...state.toasts, { id: nextToastId++, tone, text }].slice(-MAX_TOASTS) }) as Partial<S>,
      ),
    dismissToast: (id) =>
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }) as Partial<S>),
    openUser: (user) => set({ selectedUser: user } as Partial<S>),
    setActiveSource: (sourceId) => set({ activeSourceId: sourceId } as Partial<S>),
    setSideTab: (tab) => set({ sideTab: tab } as Partial<S>),
    setReplyTo: (target) =>
      set((target ? { replyTo: target, activeSourceId: target.sourceId } : { replyTo: null }) as Partial<S>),
  });
