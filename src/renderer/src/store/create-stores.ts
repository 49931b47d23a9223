import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActionNotesSlice, type ActionNotesSlice } from './action-notes-slice';
import { createModUiSlice, type ModUiSlice } from './mod-ui-slice';
import {
  createConnectionSlice,
  createModReplicaSlice,
  createOverlayReplicaSlice,
  type ConnectionSlice,
  type ModReplicaSlice,
  type OverlayReplicaSlice,
} from './replica-slice';
import { modLimits } from './replica-types';

/** One store per window, built from slices. Factories so a test (or a second window) gets a fresh store. */

export type OverlayState = OverlayReplicaSlice & ConnectionSlice;
export type ModState = ModReplicaSlice & ConnectionSlice & ModUiSlice & ActionNotesSlice;

export function createOverlayStore(): StoreApi<OverlayState> {
  return createStore<OverlayState>()((...a) => ({
    ...createOverlayReplicaSlice<OverlayState>()(...a),
    ...createConnectionSlice<OverlayState>()(...a),
  }));
}

export function createModStore(): StoreApi<ModState> {
  const store = createStore<ModState>()((...a) => ({
    ...createModReplicaSlice<ModState>(modLimits)(...a),
    ...createConnectionSlice<ModState>()(...a),
    ...createModUiSlice<ModState>()(...a),
    ...createActionNotesSlice<ModState>()(...a),
  }));
  // Keep the active source valid: the first one that can send, else the first one, when none is chosen or it went away.
  store.subscribe((state) => {
    if (state.activeSourceId && state.statuses[state.activeSourceId]) return;
    const all = Object.values(state.statuses);
    const pick = all.find((status) => status.capabilities.includes('send')) ?? all[0];
    if (pick && pick.source.sourceId !== state.activeSourceId) state.setActiveSource(pick.source.sourceId);
  });
  return store;
}
