import { createStore, type StoreApi } from 'zustand/vanilla';
import { createModUiSlice, type ModUiSlice } from './mod-ui-slice';
import { createConnectionSlice, createReplicaSlice, type ConnectionSlice, type ReplicaSlice } from './replica-slice';
import { modLimits, overlayLimits } from './replica-types';

/** One store per window, built from slices. Factories so a test (or a second window) gets a fresh store. */

export type OverlayState = ReplicaSlice & ConnectionSlice;
export type ModState = ReplicaSlice & ConnectionSlice & ModUiSlice;

export function createOverlayStore(): StoreApi<OverlayState> {
  return createStore<OverlayState>()((...a) => ({
    ...createReplicaSlice<OverlayState>(overlayLimits)(...a),
    ...createConnectionSlice<OverlayState>()(...a),
  }));
}

export function createModStore(): StoreApi<ModState> {
  return createStore<ModState>()((...a) => ({
    ...createReplicaSlice<ModState>(modLimits)(...a),
    ...createConnectionSlice<ModState>()(...a),
    ...createModUiSlice<ModState>()(...a),
  }));
}
