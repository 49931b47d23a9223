import { EventEmitter } from 'node:events';

type MenuItem = Electron.MenuItemConstructorOptions;

/** `nativeImage`: remembers where an image came from and how it was resized. */
export class NativeImage {
  constructor(
    readonly path: string,
    readonly size: { width: number; height: number } | null = null,
  ) {}

  resize(size: { width: number; height: number }): NativeImage {
    return new NativeImage(this.path, size);
  }
}

export const nativeImage = {
  createFromPath: (path: string): NativeImage => new NativeImage(path),
};

export class Menu {
  constructor(readonly items: MenuItem[]) {}

  static buildFromTemplate(template: MenuItem[]): Menu {
    return new Menu(template.map((item) => ({ ...item })));
  }

  /** Clicks the item with this label, as the user would. */
  click(label: string): void {
    const item = this.items.find((entry) => entry.label === label);
    if (!item) throw new Error(`no menu item "${label}" in ${this.items.map((i) => i.label).join(', ')}`);
    (item.click as (() => void) | undefined)?.();
  }
}

/**
 * Electron removes a tray icon whose JavaScript object was garbage-collected, so the stand-in holds its trays
 * only weakly: `Tray.live()` lists those still referenced by the shell.
 */
export class Tray extends EventEmitter {
  static readonly created: Array<WeakRef<Tray>> = [];
  tooltip = '';
  menu: Menu | null = null;
  destroyed = false;

  constructor(readonly image: NativeImage) {
    super();
    Tray.created.push(new WeakRef(this));
  }

  static live(): Tray[] {
    return Tray.created.map((ref) => ref.deref()).filter((tray): tray is Tray => tray !== undefined);
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setContextMenu(menu: Menu): void {
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** `globalShortcut`: registration succeeds unless the test marks the accelerator as taken. */
export class GlobalShortcut {
  readonly registered = new Map<string, () => void>();
  readonly taken = new Set<string>();

  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }

  unregisterAll(): void {
    this.registered.clear();
  }

  /** The user presses the shortcut. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  }

  reset(): void {
    this.registered.clear();
    this.taken.clear();
  }
}

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;

/** `session.defaultSession`: records the permission handlers so a test can ask them. */
export class Session {
  permissionRequestHandler: PermissionRequest | null = null;
  permissionCheckHandler: PermissionCheck | null = null;

  setPermissionRequestHandler(handler: PermissionRequest | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheck | null): void {
    this.permissionCheckHandler = handler;
  }

  /** A page asks for a permission; Electron grants it when no handler is set. */
  request(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(null, permission, resolve));
  }

  check(permission: string): boolean {
    return this.permissionCheckHandler?.(null, permission) ?? true;
  }

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
  }
}

export class Shell {
  readonly openedExternally: string[] = [];

  openExternal(url: string): Promise<void> {
    this.openedExternally.push(url);
    return Promise.resolve();
  }
}

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 25, width: 1920, height: 1055 } }),
};
