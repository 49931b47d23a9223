import { BrowserWindow } from 'electron';
import { lockDownContents, secureWebPreferences } from './harden';
import { iconPath, loadRenderer, preloadPath } from './paths';

/** The moderator console: an ordinary window; closing it hides it (the tray brings it back). */
export function createModWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'OnAir — moderation',
    backgroundColor: '#111318',
    icon: iconPath(),
    show: false,
    webPreferences: secureWebPreferences(preloadPath('mod')),
  });
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void loadRenderer(window, 'mod');
  return window;
}
