import type { BrowserWindow, WebContents } from 'electron';
import type { ViewPush } from '../../shared/api';
import type { Clock, TimerHandle } from '../core/clock';
import type { OnAirCore, ViewKind } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import { createModWindow } from './mod-window';
import { createOverlayWindow, setClickThrough } from './overlay-window';

/** Connects a window to the core and returns how to push to it (`createWindowAttacher` in ../ipc). */
export type AttachWindow = (kind: ViewKind, window: BrowserWindow) => (push: ViewPush) => void;

/** The two windows of the desktop app and the state the shell keeps about them. */
export interface ShellWindows {
  readonly overlay: BrowserWindow;
  /** True only for the current mod window's own webContents: the one sender allowed to make requests. */
  isModWindow(sender: WebContents): boolean;
  showModWindow(): void;
  isClickThrough(): boolean;
  setClickThrough(enabled: boolean): void;
  /** The app is quitting: windows may close from now on; a pending overlay position is saved first. */
  closeForQuit(): Promise<void>;
}

/** Quiet period after the last move/resize before the overlay's position is saved. */
export const SAVE_BOUNDS_AFTER_MS = 500;

export function openShellWindows(
  core: OnAirCore,
  attach: AttachWindow,
  clock: Clock,
  log: Logger,
): ShellWindows {
  let quitting = false;
  const overlay = createOverlayWindow(core.settings().overlay.bounds);
  const pushToOverlay = attach('overlay', overlay);
  // Frameless and not in the taskbar, a closed overlay could never come back: only quitting closes it.
  overlay.on('close', (event) => {
    if (!quitting) event.preventDefault();
  });
  const bounds = rememberBounds(overlay, core, clock, log);
  const mod = keepModWindow(attach, () => quitting);

  let clickThrough = core.settings().overlay.clickThrough;
  const applyClickThrough = (enabled: boolean): void => {
    clickThrough = enabled;
    if (overlay.isDestroyed()) return;
    setClickThrough(overlay, enabled);
    pushToOverlay({ type: 'interactive', interactive: !enabled });
  };
  applyClickThrough(clickThrough);

  return {
    overlay,
    isModWindow: (sender) => !mod.current().isDestroyed() && sender === mod.current().webContents,
    showModWindow: mod.show,
    isClickThrough: () => clickThrough,
    setClickThrough: applyClickThrough,
    closeForQuit: async () => {
      quitting = true;
      await bounds.flush();
    },
  };
}

/** The mod window hides when closed (the tray brings it back) and is recreated if it was destroyed. */
function keepModWindow(attach: AttachWindow, quitting: () => boolean) {
  const open = (): BrowserWindow => {
    const window = createModWindow();
    attach('mod', window);
    window.on('close', (event) => {
      if (quitting()) return;
      event.preventDefault();
      window.hide();
    });
    return window;
  };
  let window = open();
  return {
    current: () => window,
    show: (): void => {
      if (window.isDestroyed()) window = open();
      window.show();
      window.focus();
    },
  };
}

/** Saves the overlay's position and size (debounced) so it comes back where the streamer put it. */
function rememberBounds(overlay: BrowserWindow, core: OnAirCore, clock: Clock, log: Logger) {
  let timer: TimerHandle | undefined;
  const save = async (): Promise<void> => {
    timer = undefined;
    if (overlay.isDestroyed()) return;
    // A patch names only what changed, so a save never puts back settings older than the file's.
    const result = await core.handlers.updateSettings({ overlay: { bounds: overlay.getBounds() } });
    if (!result.ok) log.warn(`could not save the overlay position: ${result.message}`);
  };
  const schedule = (): void => {
    clock.clearTimeout(timer);
    timer = clock.setTimeout(() => void save(), SAVE_BOUNDS_AFTER_MS);
  };
  overlay.on('moved', schedule);
  overlay.on('resized', schedule);
  return {
    flush: async (): Promise<void> => {
      if (timer === undefined) return;
      clock.clearTimeout(timer);
      await save();
    },
  };
}
