import type { StoreApi } from 'zustand/vanilla';
import type { Unsubscribe, ViewBridge, ViewPush } from '../../../shared/api';
import type { ResolvedBridge } from '../bridge/resolve-bridge';
import type { ConnectionSlice, ReplicaSlice } from './replica-slice';

/** Schedules a flush; returns a cancel function. Injected so tests need no animation frames. */
export type FrameScheduler = (flush: () => void) => () => void;

/**
 * Next animation frame, with a timer fallback: hidden pages (a minimised window, an inactive OBS scene) get
 * no frames, and pushes must not pile up unapplied meanwhile.
 */
export const animationFrameScheduler: FrameScheduler = (flush) => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * The only place that subscribes to the bridge. Pushes are queued and applied at most once per frame, then
 * `ready()` tells the core to start with a snapshot.
 */
export function bindStore(
  store: StoreApi<ReplicaSlice & ConnectionSlice>,
  resolved: Pick<ResolvedBridge<ViewBridge>, 'bridge' | 'onConnection'>,
  schedule: FrameScheduler = animationFrameScheduler,
): Unsubscribe {
  let queue: ViewPush[] = [];
  let cancel: (() => void) | null = null;
  const flush = (): void => {
    cancel = null;
    const batch = queue;
    queue = [];
    store.getState().receive(batch);
  };
  const offPush = resolved.bridge.onPush((push) => {
    // Everything before a snapshot is superseded by it.
    if (push.type === 'snapshot') queue = [];
    queue.push(push);
    cancel ??= schedule(flush);
  });
  const offConnection = resolved.onConnection((connected) => store.getState().setConnected(connected));
  resolved.bridge.ready();
  return () => {
    offPush();
    offConnection();
    cancel?.();
  };
}
