import type { StoreApi } from 'zustand/vanilla';
import type { Unsubscribe, ViewBridge, ViewPush } from '../../../shared/api';
import type { ConnectionSlice, PushReceiver } from './replica-slice';

/** Schedules a flush; returns a cancel function. Injected so tests decide when pushes apply. */
export type UpdateScheduler = (flush: () => void) => () => void;

/**
 * The only place that subscribes to the bridge. Pushes are queued and applied together (update-scheduler.ts),
 * then `ready()` tells the core to start with a snapshot.
 */
export function bindStore<P extends ViewPush>(
  store: StoreApi<PushReceiver<P> & ConnectionSlice>,
  resolved: { bridge: ViewBridge<P>; onConnection(listener: (connected: boolean) => void): Unsubscribe },
  schedule: UpdateScheduler,
): Unsubscribe {
  let queue: P[] = [];
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
