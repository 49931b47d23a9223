import { EventEmitter } from 'node:events';
import type { WebContents } from './windows';

type Handler = (event: { sender: WebContents }, ...args: unknown[]) => unknown;

/** `ipcMain`: records `handle()` registrations; a test plays a renderer with `invokeFrom` / `sendFrom`. */
export class IpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** `ipcRenderer.invoke` from `sender`: arguments are structured-cloned, errors come back as rejections. */
  async invokeFrom(sender: WebContents, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender }, ...structuredClone(args));
  }

  /** `ipcRenderer.send` from `sender`. */
  sendFrom(sender: WebContents, channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender }, ...structuredClone(args));
  }

  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
}

/** `ipcRenderer` of one page (`contents`): sends and invokes go to the stand-in `ipcMain`. */
export class IpcRenderer extends EventEmitter {
  contents: WebContents | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  constructor(private readonly main: IpcMain) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    if (this.contents) this.main.sendFrom(this.contents, channel, ...args);
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!this.contents) return Promise.reject(new Error('no page attached to the stand-in ipcRenderer'));
    return this.main.invokeFrom(this.contents, channel, ...args);
  }

  /** Main pushes to this page (`webContents.send`). */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...structuredClone(args));
  }

  reset(): void {
    this.removeAllListeners();
    this.contents = null;
    this.sent.length = 0;
  }
}

/** `contextBridge`: records what each preload exposes. */
export class ContextBridge {
  readonly exposed: Array<{ key: string; api: unknown }> = [];

  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.push({ key, api });
  }

  reset(): void {
    this.exposed.length = 0;
  }
}
