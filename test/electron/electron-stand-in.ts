/**
 * A recording stand-in for the `electron` module (the Electron binary cannot run here). Tests replace the module
 * with `vi.mock('electron', () => import('./electron-stand-in'))`, drive the real shell modules against it, and
 * read what they did from the same objects. Each piece behaves like Electron where the shell relies on it
 * (cancellable events, IPC structured cloning, `quit()` order, errors on destroyed windows).
 */
import { App } from './stand-in/app';
import { ContextBridge, IpcMain, IpcRenderer } from './stand-in/ipc';
import { SafeStorage } from './stand-in/safe-storage';
import { GlobalShortcut, Session, Shell, Tray } from './stand-in/system';
import { BrowserWindow, resetWindows } from './stand-in/windows';

export { BrowserWindow, WebContents } from './stand-in/windows';
export { Menu, Tray, nativeImage, screen } from './stand-in/system';

export const app = new App();
export const ipcMain = new IpcMain();
export const ipcRenderer = new IpcRenderer(ipcMain);
export const contextBridge = new ContextBridge();
export const globalShortcut = new GlobalShortcut();
export const safeStorage = new SafeStorage();
export const session = { defaultSession: new Session() };
export const shell = new Shell();

/** Forgets everything recorded: call in `beforeEach`. */
export function resetElectron(): void {
  app.reset();
  ipcMain.reset();
  ipcRenderer.reset();
  contextBridge.reset();
  globalShortcut.reset();
  safeStorage.reset();
  session.defaultSession.reset();
  shell.openedExternally.length = 0;
  Tray.created.length = 0;
  resetWindows();
}

/** The windows the shell opened, by title. */
export function windowTitled(title: string): BrowserWindow {
  const found = BrowserWindow.created.filter((window) => window.options.title === title).at(-1);
  if (!found) throw new Error(`no window titled "${title}"`);
  return found;
}
