import { join } from 'node:path';
import { app, globalShortcut } from 'electron';
import type { ModHandlers } from '../shared/api';
import { systemClock, type Clock } from './core/clock';
import { createCore } from './core/create-core';
import type { OnAirCore } from './core/core-types';
import { consoleSink, createLogger, type Logger } from './core/log/logger';
import { installProcessFaultHandlers, type FaultSource, type ProcessFaults } from './core/log/process-faults';
import { startHeadlessServer, type HeadlessServer } from './headless/server';
import { createWindowAttacher, registerModHandlers } from './ipc/bridge-ipc';
import { createSafeStorageStore } from './secrets/safe-storage-store';
import { createTray, type TrayMenu } from './tray';
import { denyAllPermissions } from './windows/harden';
import { rendererDir } from './windows/paths';
import { openShellWindows, type ShellWindows } from './windows/shell-windows';

/** The global shortcut that toggles overlay click-through. */
export const CLICK_THROUGH_SHORTCUT = 'CommandOrControl+Shift+O';
/** How long quitting waits for the core and the server to stop before it quits anyway. */
export const QUIT_GRACE_MS = 3_000;

export interface AppOptions {
  log?: Logger;
  clock?: Clock;
  /** Where unhandled rejections and uncaught exceptions are caught (`process`; an emitter in tests). */
  faultSource?: FaultSource;
}

export interface RunningApp {
  core: OnAirCore;
  windows: ShellWindows;
  /** Resolves once quitting has stopped the core, the browser-source server and the tray. */
  stopped: Promise<void>;
}

/**
 * The Electron shell: wires the core to windows, IPC, tray and shortcut; no protocol or domain logic here.
 * Resolves with the running app, or null when another instance runs or starting failed (then it exits).
 */
export async function startApp(options: AppOptions = {}): Promise<RunningApp | null> {
  const log = options.log ?? createLogger(consoleSink, 'info', 'onair');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.on('window-all-closed', () => {
    // The tray keeps the app alive; quitting is explicit.
  });
  // A fault anywhere in main is logged and counted, never fatal (the count shows in the server's stats).
  const faults = installProcessFaultHandlers(log.child('process'), options.faultSource ?? process);
  try {
    await app.whenReady();
    return await startShell(log, options.clock ?? systemClock, faults);
  } catch (error) {
    // Otherwise the process would live on with no window and no tray: say why and leave.
    log.error('OnAir failed to start', error);
    app.exit(1);
    return null;
  }
}

async function startShell(log: Logger, clock: Clock, faults: ProcessFaults): Promise<RunningApp> {
  const core = await startCore(log, clock);
  // The same overlay as an OBS browser source on 127.0.0.1 (the recommended way to capture it).
  const browserSource = await serveBrowserSource(core, log, faults);
  const windows = openShellWindows(core, createWindowAttacher(core), clock, log);
  const tray = wireControls(core, windows, log);
  // Starting OnAir again brings the console forward instead of doing nothing.
  app.on('second-instance', windows.showModWindow);
  const stopped = stopBeforeQuit(() => stopAll(core, windows, browserSource, tray), clock, log);
  return { core, windows, stopped };
}

async function startCore(log: Logger, clock: Clock): Promise<OnAirCore> {
  const dataDir = app.getPath('userData');
  const core = await createCore({
    settingsPath: join(dataDir, 'settings.json'),
    dataDir,
    log,
    clock,
    secretStore: (name) => createSafeStorageStore(join(dataDir, `${name}-secrets.bin`)),
  });
  denyAllPermissions();
  await core.start();
  return core;
}

/** The console's requests over IPC, the tray and the shortcut; click-through changes redraw the tray menu. */
function wireControls(core: OnAirCore, windows: ShellWindows, log: Logger): TrayMenu {
  const applyClickThrough = (enabled: boolean): void => {
    windows.setClickThrough(enabled);
    tray.refresh();
  };
  const toggleClickThrough = (): void => applyClickThrough(!windows.isClickThrough());
  const tray = createTray(
    {
      showModWindow: windows.showModWindow,
      toggleClickThrough,
      isClickThrough: windows.isClickThrough,
      quit: () => app.quit(),
    },
    CLICK_THROUGH_SHORTCUT,
  );
  const handlers: ModHandlers = {
    ...core.handlers,
    setClickThrough: async ({ enabled }) => {
      applyClickThrough(enabled);
      return { ok: true, local: true };
    },
  };
  registerModHandlers(handlers, windows.isModWindow, log.child('ipc'));
  if (!globalShortcut.register(CLICK_THROUGH_SHORTCUT, toggleClickThrough)) {
    log.warn(`could not register ${CLICK_THROUGH_SHORTCUT}; use the tray menu to toggle click-through`);
  }
  return tray;
}

async function stopAll(
  core: OnAirCore,
  windows: ShellWindows,
  browserSource: HeadlessServer | null,
  tray: TrayMenu,
): Promise<void> {
  globalShortcut.unregisterAll();
  await windows.closeForQuit();
  await Promise.allSettled([browserSource?.close(), core.stop()]);
  tray.destroy();
}

/**
 * Holds the first quit until `stop` finished (sockets closed, last settings and log lines written), at most
 * QUIT_GRACE_MS, then quits for real.
 */
function stopBeforeQuit(stop: () => Promise<void>, clock: Clock, log: Logger): Promise<void> {
  return new Promise((resolve) => {
    let state: 'running' | 'stopping' | 'stopped' = 'running';
    app.on('before-quit', (event) => {
      if (state === 'stopped') return;
      event.preventDefault();
      if (state === 'stopping') return;
      state = 'stopping';
      const finish = (problem?: string, detail?: unknown): void => {
        if (state === 'stopped') return;
        if (problem) log.warn(problem, detail);
        clock.clearTimeout(deadline);
        state = 'stopped';
        resolve();
        app.quit();
      };
      const deadline = clock.setTimeout(
        () => finish('stopping took too long; quitting anyway'),
        QUIT_GRACE_MS,
      );
      stop().then(
        () => finish(),
        (error: unknown) => finish('could not stop cleanly', error),
      );
    });
  });
}

/** Starts the browser-source server; without it (port taken) the app still runs, with window capture only. */
async function serveBrowserSource(
  core: OnAirCore,
  log: Logger,
  faults: ProcessFaults,
): Promise<HeadlessServer | null> {
  const port = core.settings().server.port;
  try {
    const options = { core, port, rendererDir: rendererDir(), log: log.child('server'), faults };
    return await startHeadlessServer(options);
  } catch (error) {
    log.warn(`cannot serve the overlay for OBS on 127.0.0.1:${port}; window capture still works`, error);
    return null;
  }
}
