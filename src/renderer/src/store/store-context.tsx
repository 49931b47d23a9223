import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ModBridge } from '../../../shared/api';
import type { ModState, OverlayState } from './create-stores';

const OverlayStoreContext = createContext<StoreApi<OverlayState> | null>(null);
const ModStoreContext = createContext<{ store: StoreApi<ModState>; bridge: ModBridge } | null>(null);

export function OverlayStoreProvider({
  store,
  children,
}: {
  store: StoreApi<OverlayState>;
  children: ReactNode;
}) {
  return <OverlayStoreContext.Provider value={store}>{children}</OverlayStoreContext.Provider>;
}

export function ModStoreProvider({
  store,
  bridge,
  children,
}: {
  store: StoreApi<ModState>;
  bridge: ModBridge;
  children: ReactNode;
}) {
  return <ModStoreContext.Provider value={{ store, bridge }}>{children}</ModStoreContext.Provider>;
}

export function useOverlayStore<T>(selector: (state: OverlayState) => T): T {
  const store = useContext(OverlayStoreContext);
  if (!store) throw new Error('useOverlayStore outside OverlayStoreProvider');
  return useStore(store, selector);
}

/** The overlay store itself, for a view that follows it without re-rendering React (overlay/ChatLines.tsx). */
export function useOverlayStoreApi(): StoreApi<OverlayState> {
  const store = useContext(OverlayStoreContext);
  if (!store) throw new Error('useOverlayStoreApi outside OverlayStoreProvider');
  return store;
}

export function useModStore<T>(selector: (state: ModState) => T): T {
  const context = useContext(ModStoreContext);
  if (!context) throw new Error('useModStore outside ModStoreProvider');
  return useStore(context.store, selector);
}

/** The mod bridge, for components that send requests (results are shown as toasts by `useRequest`). */
export function useModBridge(): ModBridge {
  const context = useContext(ModStoreContext);
  if (!context) throw new Error('useModBridge outside ModStoreProvider');
  return context.bridge;
}
