import { EventEmitter } from 'node:events';
import { emitPreventable } from './preventable';

type Bounds = { x: number; y: number; width: number; height: number };
type OpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

/** Electron throws this for any method called on a destroyed window or webContents. */
const destroyedError = (): Error => new TypeError('Object has been destroyed');

let nextContentsId = 1;

/** A window's webContents: records pushes and lets a test play the page (navigate, window.open). */
export class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: OpenHandler | null = null;
  private destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw destroyedError();
    // IPC serializes with the structured clone algorithm: what arrives is a copy.
    this.sent.push({ channel, args: structuredClone(args) });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** The page calls `window.open(url)`: Electron allows it unless a handler denies it. */
  requestWindowOpen(url: string): 'allow' | 'deny' {
    const details = { url, frameName: '', features: '', disposition: 'new-window' };
    return this.windowOpenHandler?.(details).action ?? 'allow';
  }

  /** The page tries to leave (link, `location = …`); true when the navigation would go ahead. */
  navigate(url: string): boolean {
    return !emitPreventable(this, 'will-navigate', url);
  }

  /** Emits another cancellable page event (`will-redirect`, `will-attach-webview`); true when it goes ahead. */
  attempt(event: string, ...args: unknown[]): boolean {
    return !emitPreventable(this, event, ...args);
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A BrowserWindow that records its options and every call made on it. */
export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  loaded: { file?: string; url?: string } = {};
  private bounds: Bounds;
  private visible = false;
  private destroyed = false;

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options;
    this.bounds = { x, y, width, height };
    BrowserWindow.created.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((window) => !window.destroyed);
  }

  /** Calls with this method name, in order. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  private record(method: string, args: unknown[]): void {
    if (this.destroyed) throw destroyedError();
    this.calls.push({ method, args });
  }

  setAlwaysOnTop(...args: unknown[]): void {
    this.record('setAlwaysOnTop', args);
  }
  setVisibleOnAllWorkspaces(...args: unknown[]): void {
    this.record('setVisibleOnAllWorkspaces', args);
  }
  setIgnoreMouseEvents(...args: unknown[]): void {
    this.record('setIgnoreMouseEvents', args);
  }
  setFocusable(...args: unknown[]): void {
    this.record('setFocusable', args);
  }
  focus(): void {
    this.record('focus', []);
  }
  show(): void {
    this.record('show', []);
    this.visible = true;
  }
  showInactive(): void {
    this.record('showInactive', []);
    this.visible = true;
  }
  hide(): void {
    this.record('hide', []);
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds(): Bounds {
    if (this.destroyed) throw destroyedError();
    return { ...this.bounds };
  }
  loadFile(file: string): Promise<void> {
    this.record('loadFile', [file]);
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.record('loadURL', [url]);
    this.loaded = { url };
    return Promise.resolve();
  }

  /** The user (or the OS) asks to close the window; listeners of `close` may cancel. */
  close(): void {
    if (this.destroyed) return;
    if (emitPreventable(this, 'close')) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }

  /** The streamer drags the window (emits `moved`) or resizes it (emits `resized`). */
  userMovesTo(bounds: Bounds): void {
    const resized = bounds.width !== this.bounds.width || bounds.height !== this.bounds.height;
    this.bounds = { ...bounds };
    this.emit(resized ? 'resized' : 'moved', { preventDefault: () => {} });
  }

  /** The page has painted: Electron emits `ready-to-show` once. */
  pageReady(): void {
    this.emit('ready-to-show');
  }
}

export function resetWindows(): void {
  BrowserWindow.created.length = 0;
}
