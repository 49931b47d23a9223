import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import { modRequests, type ModHandlers, type ModMethod, type ViewPush } from '../../shared/api';
import { IPC_PUSH, IPC_READY, MOD_METHODS, requestChannel } from '../../shared/ipc';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';

/**
 * The only user of `ipcMain`. Every request is checked twice: the sender must be the mod window's own
 * webContents, and the payload must pass the contract's schema.
 */
export function registerModHandlers(
  handlers: ModHandlers,
  isModWindow: (sender: WebContents) => boolean,
  log: Logger,
): void {
  for (const method of MOD_METHODS) {
    ipcMain.handle(requestChannel(method), async (event, params: unknown) => {
      if (!isModWindow(event.sender)) {
        log.warn(`refused ${method}: not sent by the mod window`);
        throw new Error('Not allowed from this window.');
      }
      const parsed = modRequests[method].safeParse(params);
      if (!parsed.success) {
        log.warn(`refused ${method}: invalid payload`);
        throw new Error(`Invalid request for ${method}: ${parsed.error.issues[0]?.message ?? 'bad payload'}`);
      }
      return (handlers[method] as (p: unknown) => Promise<unknown>)(parsed.data);
    });
  }
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
