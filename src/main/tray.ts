import { Menu, Tray, nativeImage } from 'electron';
import { iconPath } from './windows/paths';

export interface TrayActions {
  showModWindow: () => void;
  toggleClickThrough: () => void;
  isClickThrough: () => boolean;
  quit: () => void;
}

export interface TrayMenu {
  /** Redraws the menu; call it whenever click-through changed (shortcut, console, tray). */
  refresh(): void;
  destroy(): void;
}

/**
 * Tray menu: show the mod window, toggle overlay click-through, quit. The caller must keep the returned object:
 * a Tray that gets garbage-collected disappears from the system tray.
 */
export function createTray(actions: TrayActions, shortcut: string): TrayMenu {
  const tray = new Tray(nativeImage.createFromPath(iconPath()).resize({ width: 16, height: 16 }));
  const refresh = (): void => {
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show moderation window', click: actions.showModWindow },
        {
          label: `Overlay click-through (${shortcut})`,
          type: 'checkbox',
          checked: actions.isClickThrough(),
          click: actions.toggleClickThrough,
        },
        { type: 'separator' },
        { label: 'Quit OnAir', click: actions.quit },
      ]),
    );
  };
  tray.setToolTip('OnAir');
  tray.on('click', actions.showModWindow);
  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
