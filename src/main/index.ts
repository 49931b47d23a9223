import { join } from 'node:path';
import { app, globalShortcut, type BrowserWindow } from 'electron';
import type { ModHandlers } from '../shared/api';
import { createCore } from './core/create-core';
import type { OnAirCore } from './core/core-types';
import { consoleSink, createLogger } from './core/log/logger';
import { createWindowAttacher, registerModHandlers } from './ipc/bridge-ipc';
import { createSafeStorageStore } from './secrets/safe-storage-store';
import { createTray } from './tray';
import { denyAllPermissions } from './windows/harden';
import { createModWindow } from './windows/mod-window';
import { createOverlayWindow, setClickThrough } from './windows/overlay-window';

/** The global shortcut that toggles overlay click-through. */
const CLICK_THROUGH_SHORTCUT = 'CommandOrControl+Shift+O';

let quitting = false;

/** The Electron shell: wires the core to windows, IPC, tray and shortcuts. No protocol or domain logic here. */
async function startShell(): Promise<void> {
  const log = createLogger(consoleSink, 'info', 'onair');
  const dataDir = app.getPath('userData');
  const core = await createCore({
    settingsPath: join(dataDir, 'settings.json'),
    dataDir,
    log,
    secretStore: (name) => createSafeStorageStore(join(dataDir, `${name}-secrets.bin`)),
  });
  denyAllPermissions();
  await core.start();

  const overlay = createOverlayWindow(core.settings().overlay.bounds);
  let modWindow = createModWindow();
  const attach = createWindowAttacher(core);
  const pushToOverlay = attach('overlay', overlay);
  attach('mod', modWindow);

  let clickThrough = core.settings().overlay.clickThrough;
  const applyClickThrough = (enabled: boolean): void => {
    clickThrough = enabled;
    setClickThrough(overlay, enabled);
    pushToOverlay({ type: 'interactive', interactive: !enabled });
  };
  applyClickThrough(clickThrough);
  rememberBounds(overlay, core);

  const handlers: ModHandlers = {
    ...core.handlers,
    setClickThrough: async ({ enabled }) => {
      applyClickThrough(enabled);
      return { ok: true, local: true };
    },
  };
  registerModHandlers(
    handlers,
    (sender) => !modWindow.isDestroyed() && sender === modWindow.webContents,
    log.child('ipc'),
  );

  const showModWindow = (): void => {
    if (modWindow.isDestroyed()) {
      modWindow = createModWindow();
      attach('mod', modWindow);
    }
    modWindow.show();
    modWindow.focus();
  };
  modWindow.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    modWindow.hide();
  });

  if (!globalShortcut.register(CLICK_THROUGH_SHORTCUT, () => applyClickThrough(!clickThrough))) {
    log.warn(`could not register ${CLICK_THROUGH_SHORTCUT}; use the tray menu to toggle click-through`);
  }
  createTray(
    {
      showModWindow,
      toggleClickThrough: () => applyClickThrough(!clickThrough),
      isClickThrough: () => clickThrough,
      quit: () => app.quit(),
    },
    CLICK_THROUGH_SHORTCUT,
  );
  app.on('before-quit', () => {
    quitting = true;
    globalShortcut.unregisterAll();
    void core.stop();
  });
}

/** Saves the overlay's position and size (debounced) so it comes back where the streamer put it. */
function rememberBounds(overlay: BrowserWindow, core: OnAirCore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (overlay.isDestroyed()) return;
      const overlaySettings = { ...core.settings().overlay, bounds: overlay.getBounds() };
      void core.handlers.updateSettings({ overlay: overlaySettings });
    }, 500);
  };
  overlay.on('moved', save);
  overlay.on('resized', save);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    // The tray keeps the app alive; quitting is explicit.
  });
  app.whenReady().then(startShell, (error: unknown) => {
    console.error('OnAir failed to start', error);
    app.exit(1);
  });
}
