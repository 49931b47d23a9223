import type { StateCreator } from 'zustand/vanilla';
import type { ModPush, OverlayPush, ViewPush } from '../../../shared/api';
import { applyModPushes, applyOverlayPushes } from './replica';
import {
  emptyModReplica,
  emptyOverlayReplica,
  type ModReplica,
  type OverlayReplica,
  type ReplicaLimits,
} from './replica-types';

/** Receives the pushes of one view kind (`P`). */
export interface PushReceiver<P extends ViewPush> {
  /** Applies every push that arrived since the last flush in one state update (one render). */
  receive(pushes: P[]): void;
}

export type OverlayReplicaSlice = OverlayReplica & PushReceiver<OverlayPush>;
export type ModReplicaSlice = ModReplica & PushReceiver<ModPush>;

export interface ConnectionSlice {
  /** Whether the bridge to the core is up (the WS bridge can drop; the preload cannot). */
  connected: boolean;
  setConnected(connected: boolean): void;
}

function replicaSlice<S extends D & PushReceiver<P>, D extends object, P extends ViewPush>(
  initial: () => D,
  apply: (data: D, pushes: P[]) => D,
): StateCreator<S, [], [], D & PushReceiver<P>> {
  return (set, get) => ({
    ...initial(),
    receive: (pushes) => {
      if (pushes.length === 0) return;
      const current: D = get();
      const next = apply(current, pushes);
      if (next !== current) set(next as Partial<S>);
    },
  });
}

export const createOverlayReplicaSlice = <S extends OverlayReplicaSlice>() =>
  replicaSlice<S, OverlayReplica, OverlayPush>(emptyOverlayReplica, applyOverlayPushes);

export const createModReplicaSlice = <S extends ModReplicaSlice>(limits: ReplicaLimits) =>
  replicaSlice<S, ModReplica, ModPush>(emptyModReplica, (data, pushes) =>
    applyModPushes(data, pushes, limits),
  );

export const createConnectionSlice =
  <S extends ConnectionSlice>(): StateCreator<S, [], [], ConnectionSlice> =>
  (set) => ({
    connected: false,
    setConnected: (connected) => set({ connected } as Partial<S>),
  });
