import { Menu, Tray, nativeImage } from 'electron';
import { iconPath } from './windows/paths';

export interface TrayActions {
  showModWindow: () => void;
  toggleClickThrough: () => void;
  isClickThrough: () => boolean;
  quit: () => void;
}

/** Tray menu: show the mod window, toggle overlay click-through, quit. */
export function createTray(actions: TrayActions, shortcut: string): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath()).resize({ width: 16, height: 16 }));
  const rebuild = (): void => {
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Show moderation window', click: actions.showModWindow },
        {
          label: `Overlay click-through (${shortcut})`,
          type: 'checkbox',
          checked: actions.isClickThrough(),
          click: () => {
            actions.toggleClickThrough();
            rebuild();
          },
        },
        { type: 'separator' },
        { label: 'Quit OnAir', click: actions.quit },
      ]),
    );
  };
  tray.setToolTip('OnAir');
  tray.on('click', actions.showModWindow);
  rebuild();
  return tray;
}
