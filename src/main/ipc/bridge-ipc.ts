import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ModHandlers, ModMethod, ModResults, ViewPush } from '../../shared/api';
import { IPC_PUSH, IPC_READY, MOD_METHODS, requestChannel } from '../../shared/ipc';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import { createRequestDispatcher } from '../core/requests/dispatch';

/**
 * The typed wrapper around `ipcMain.handle` (GitHub Desktop's `handle()`): the channel comes from the
 * contract's method name and the listener must resolve to that method's result type.
 */
function handle<M extends ModMethod>(
  method: M,
  listener: (event: IpcMainInvokeEvent, params: unknown) => Promise<ModResults[M]>,
): void {
  ipcMain.handle(requestChannel(method), listener);
}

/**
 * The only user of `ipcMain.handle`: one handler per contract channel. Every request is checked twice: the
 * sender must be the mod window's own webContents, and the payload goes through the core's request dispatcher
 * (bounds, schema, then the handler) — the same path the headless WebSocket bridge uses.
 */
export function registerModHandlers(
  handlers: ModHandlers,
  isModWindow: (sender: WebContents) => boolean,
  log: Logger,
): void {
  const dispatcher = createRequestDispatcher(handlers, log);
  const register = <M extends ModMethod>(method: M): void =>
    handle(method, async (event, params) => {
      if (!isModWindow(event.sender)) {
        log.warn(`refused ${method}: not sent by the mod window`);
        throw new Error('Not allowed from this window.');
      }
      const outcome = await dispatcher.run(method, params);
      if (!outcome.ok) {
        if (outcome.refusal !== 'failed') log.warn(`refused ${method}: ${outcome.error}`);
        throw new Error(outcome.error);
      }
      return outcome.result;
    });
  MOD_METHODS.forEach(register);
}

/**
 * Connects windows to the core: pushes go to a window's webContents once its page says it is ready, and a
 * reloaded page starts over with a fresh snapshot.
 */
export function createWindowAttacher(
  core: OnAirCore,
): (kind: ViewKind, window: BrowserWindow) => (push: ViewPush) => void {
  const readyListeners = new Map<number, () => void>();
  ipcMain.on(IPC_READY, (event) => readyListeners.get(event.sender.id)?.());
  return (kind, window) => {
    const contents = window.webContents;
    const send = (push: ViewPush): void => {
      if (!contents.isDestroyed()) contents.send(IPC_PUSH, push);
    };
    let attachment = core.attachView(kind, send);
    readyListeners.set(contents.id, () => {
      attachment.detach();
      attachment = core.attachView(kind, send);
      attachment.ready();
    });
    window.on('closed', () => {
      attachment.detach();
      readyListeners.delete(contents.id);
    });
    return send;
  };
}

export type { ModMethod };
