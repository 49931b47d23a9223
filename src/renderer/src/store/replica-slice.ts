import type { StateCreator } from 'zustand/vanilla';
import type { ViewPush } from '../../../shared/api';
import { applyPushes } from './replica';
import { emptyReplica, type ReplicaData, type ReplicaLimits } from './replica-types';

export interface ReplicaSlice extends ReplicaData {
  /** Applies every push that arrived since the last frame in one state update (one render). */
  receive(pushes: ViewPush[]): void;
}

export interface ConnectionSlice {
  /** Whether the bridge to the core is up (the WS bridge can drop; the preload cannot). */
  connected: boolean;
  setConnected(connected: boolean): void;
}

export const createReplicaSlice =
  <S extends ReplicaSlice>(limits: ReplicaLimits): StateCreator<S, [], [], ReplicaSlice> =>
  (set, get) => ({
    ...emptyReplica(),
    receive: (pushes) => {
      if (pushes.length === 0) return;
      const current = get();
      const next = applyPushes(current, pushes, limits);
      if (next !== current) set(next as Partial<S>);
    },
  });

export const createConnectionSlice =
  <S extends ConnectionSlice>(): StateCreator<S, [], [], ConnectionSlice> =>
  (set) => ({
    connected: false,
    setConnected: (connected) => set({ connected } as Partial<S>),
  });
