import { EventEmitter } from 'node:events';
import { emitPreventable } from './preventable';
import { BrowserWindow } from './windows';

/**
 * `app`: ready at once, paths set by the test, and `quit()` that follows Electron's order: `before-quit` (may be
 * cancelled), then every window is asked to close (any may cancel), then `will-quit` and `quit`.
 */
export class App extends EventEmitter {
  readonly paths = new Map<string, string>();
  singleInstanceLock = true;
  quitRequests = 0;
  hasQuit = false;
  readonly exitCodes: number[] = [];

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  quit(): void {
    this.quitRequests += 1;
    if (emitPreventable(this, 'before-quit')) return;
    for (const window of BrowserWindow.getAllWindows()) {
      window.close();
      if (!window.isDestroyed()) return;
    }
    if (emitPreventable(this, 'will-quit')) return;
    this.hasQuit = true;
    this.emit('quit');
  }

  exit(code = 0): void {
    this.exitCodes.push(code);
  }

  reset(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.singleInstanceLock = true;
    this.quitRequests = 0;
    this.hasQuit = false;
    this.exitCodes.length = 0;
  }
}
