import { BrowserWindow, screen } from 'electron';
import type { Settings } from '../../shared/settings';
import { lockDownContents, secureWebPreferences } from './harden';
import { loadRenderer, preloadPath } from './paths';

type Bounds = NonNullable<Settings['overlay']['bounds']>;

function defaultBounds(): Bounds {
  const area = screen.getPrimaryDisplay().workArea;
  return {
    x: area.x + area.width - 440,
    y: area.y + 40,
    width: 400,
    height: Math.min(700, area.height - 80),
  };
}

/**
 * The transparent overlay: frameless, always on top at the screen-saver level (above other apps' menus), not in
 * the taskbar, click-through by default. Capture it in OBS, or better use the browser-source URL.
 */
export function createOverlayWindow(bounds: Bounds | undefined): BrowserWindow {
  const window = new BrowserWindow({
    ...(bounds ?? defaultBounds()),
    title: 'OnAir overlay',
    transparent: true,
    frame: false,
    hasShadow: false,
    resizable: true,
    // The settings schema refuses smaller bounds: below this the position could not be remembered.
    minWidth: 100,
    minHeight: 100,
    skipTaskbar: true,
    alwaysOnTop: true,
    focusable: true,
    backgroundColor: '#00000000',
    show: false,
    webPreferences: secureWebPreferences(preloadPath('overlay')),
  });
  window.setAlwaysOnTop(true, 'screen-saver');
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.showInactive());
  void loadRenderer(window, 'overlay');
  return window;
}

/** Click-through on: the mouse goes to whatever is below. Off: the window can be moved and resized. */
export function setClickThrough(window: BrowserWindow, enabled: boolean): void {
  window.setIgnoreMouseEvents(enabled, { forward: true });
  window.setFocusable(!enabled);
  if (!enabled) window.focus();
}
