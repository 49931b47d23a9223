import { join } from 'node:path';
import { app, globalShortcut, type BrowserWindow } from 'electron';
import type { ModHandlers } from '../shared/api';
import { createCore } from './core/create-core';
import type { OnAirCore } from './core/core-types';
import { consoleSink, createLogger, type Logger } from './core/log/logger';
import { startHeadlessServer, type HeadlessServer } from './headless/server';
import { createWindowAttacher, registerModHandlers } from './ipc/bridge-ipc';
import { createSafeStorageStore } from './secrets/safe-storage-store';
import { createTray } from './tray';
import { denyAllPermissions } from './windows/harden';
import { createModWindow } from './windows/mod-window';
import { createOverlayWindow, setClickThrough } from './windows/overlay-window';
import { rendererDir } from './windows/paths';

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
  // The same overlay as an OBS browser source on 127.0.0.1 (the recommended way to capture it).
  const browserSource = await serveBrowserSource(core, log);

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
    void browserSource?.close();
    void core.stop();
  });
}

/** Starts the browser-source server; without it (port taken) the app still runs, with window capture only. */
async function serveBrowserSource(core: OnAirCore, log: Logger): Promise<HeadlessServer | null> {
  const port = core.settings().server.port;
  try {
    return await startHeadlessServer({ core, port, rendererDir: rendererDir(), log: log.child('server') });
  } catch (error) {
    log.warn(`cannot serve the overlay for OBS on 127.0.0.1:${port}; window capture still works`, error);
    return null;
  }
}

/** Saves the overlay's position and size (debounced) so it comes back where the streamer put it. */
function rememberBounds(overlay: BrowserWindow, core: OnAirCore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (overlay.isDestroyed()) return;
      void core.handlers.updateSettings({ overlay: { bounds: overlay.getBounds() } });
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
