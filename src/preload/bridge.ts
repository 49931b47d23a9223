import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ModBridge,
  ModMethod,
  ModParams,
  ModPush,
  ModResults,
  OverlayPush,
  ViewBridge,
  ViewPush,
} from '../shared/api';
import { IPC_PUSH, IPC_READY, isModMethod, requestChannel } from '../shared/ipc';

/** Read-only view API: subscribe to pushes and say "ready". Every `onPush` returns its own unsubscribe. */
export function createViewBridge(): ViewBridge<OverlayPush> {
  return pushBridge<OverlayPush>();
}

function pushBridge<P extends ViewPush>(): ViewBridge<P> {
  return {
    onPush(listener) {
      const handler = (_event: IpcRendererEvent, push: P): void => listener(push);
      ipcRenderer.on(IPC_PUSH, handler);
      return () => {
        ipcRenderer.removeListener(IPC_PUSH, handler);
      };
    },
    ready() {
      ipcRenderer.send(IPC_READY);
    },
  };
}

/** The mod console's API: the view API plus the contract's requests, and nothing else of `ipcRenderer`. */
export function createModBridge(): ModBridge {
  return {
    ...pushBridge<ModPush>(),
    request<M extends ModMethod>(method: M, params: ModParams<M>): Promise<ModResults[M]> {
      // A page can call this with anything; the main side validates again (src/main/core/requests).
      if (!isModMethod(method)) return Promise.reject(new Error('Unknown request'));
      return ipcRenderer.invoke(requestChannel(method), params);
    },
  };
}

export function expose(api: ViewBridge | ModBridge): void {
  contextBridge.exposeInMainWorld('onair', api);
}
