import type { EventEmitter } from 'node:events';

/** The event object Electron passes to cancellable events (`close`, `will-navigate`, `before-quit`, …). */
export interface PreventableEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** Emits a cancellable event the way Electron does; returns true when a listener called `preventDefault()`. */
export function emitPreventable(emitter: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  const event: PreventableEvent = {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  emitter.emit(name, event, ...args);
  return prevented;
}
